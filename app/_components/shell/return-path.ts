/** A path of this app (`/…`), not a scheme-relative or backslash URL that a browser would send elsewhere. */
export function isLocalReturnPath(value: string): boolean {
  return /^\/(?![/\\])/.test(value) && !/[\u0000-\u001f\\]/.test(value);
}
