/** Write conditions, named after the invariant each protects. */
export const CONDITIONS = {
  itemMustNotExist: 'attribute_not_exists(PK)',
  itemMustExist: 'attribute_exists(PK)',
} as const;

export function isConditionalCheckFailed(error: unknown): boolean {
  return error instanceof Error && error.name === 'ConditionalCheckFailedException';
}
