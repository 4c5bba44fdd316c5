export function workflow(): string {
  return 'workflow';
}
