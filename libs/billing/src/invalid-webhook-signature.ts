/** A webhook whose signature is missing, wrong or outside the tolerance: nothing is applied. */
export class InvalidWebhookSignature extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InvalidWebhookSignature';
  }
}
