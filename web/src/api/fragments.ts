// GraphQL fragments shared by the page's operations. Each operation string appends the fragments it
// spreads, so every request is self-contained (codegen sees them as documents too).
export const CITATION_FIELDS = /* GraphQL */ `
  fragment CitationFields on Citation {
    quote
    source { id name url publisher publishedOn }
  }
`;

export const SLICE_FIELDS = /* GraphQL */ `
  fragment SliceFields on GraphSlice {
    truncated
    nodes { id type label data }
    edges { id source target type data citations { ...CitationFields } }
  }
`;
