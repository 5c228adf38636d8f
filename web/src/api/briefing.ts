// Operations of the briefing export: which formats the server renders (PDF needs Chromium there) and
// the mutation that builds one and returns its single-use download URL.
import { gql } from './client.js';
import type { BriefingFormatsQuery, ExportBriefingMutation, ExportBriefingMutationVariables } from './generated.js';

const FORMATS_QUERY = /* GraphQL */ `
  query BriefingFormats {
    briefingFormats { docx pdf pdfMessage }
  }
`;

const EXPORT_MUTATION = /* GraphQL */ `
  mutation ExportBriefing($scope: BriefingScopeInput!, $asOf: Date, $since: Date, $lang: BriefingLang, $format: BriefingFormat!) {
    briefing(scope: $scope, asOf: $asOf, since: $since, lang: $lang, format: $format) { url fileName format }
  }
`;

export const fetchBriefingFormats = () => gql<BriefingFormatsQuery>(FORMATS_QUERY);

export const exportBriefing = (variables: ExportBriefingMutationVariables) =>
  gql<ExportBriefingMutation, ExportBriefingMutationVariables>(EXPORT_MUTATION, variables);
