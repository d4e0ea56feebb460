/** Thrown by a use-case to say: this message can never succeed, stop retrying it. */
export class DeadLetterNow extends Error {
  constructor(readonly reasonCode: string) {
    super(reasonCode);
    this.name = 'DeadLetterNow';
  }
}
