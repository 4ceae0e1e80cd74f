/** Whether a failed AWS read was refused for want of an IAM permission (API Gateway and WAFv2 both say AccessDenied). */
export function deniedAction(error: unknown): boolean {
  const sdk = (error ?? {}) as { name?: string; message?: string };
  return sdk.name === 'AccessDeniedException' || /\bAccessDenied(Exception)?\b/.test(sdk.message ?? '');
}
