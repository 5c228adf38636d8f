// The program the page looks at (the header's switcher, kept in the URL as ?program=). null: the
// server's default program (KG_DEFAULT_PROGRAM). Read by the operations that take programId.
let current: string | null = null;

export function currentProgram(): string | null {
  return current;
}

export function setCurrentProgram(id: string | null): void {
  current = id;
}
