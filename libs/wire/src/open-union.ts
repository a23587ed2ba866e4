import { z } from 'zod';

type ObjectWithType = { type?: string | null; [key: string]: unknown };

export interface OpenUnionOptions {
  /** The member to use for an object without `type`; without this option `type` is required. */
  typeOf?: (value: ObjectWithType) => string;
}

/**
 * A union of objects told apart by `type` that stays open: an object whose `type` is not one of `members` passes
 * unchecked (the APIs add block, item and event types all the time, and a gateway must not reject them), while an
 * object of a known type is checked against its member, with issues reported at the member's own fields.
 * Consumers must keep a default branch when they switch on `type`.
 */
export function openUnion<const Members extends Record<string, z.ZodType>>(
  members: Members,
  options: OpenUnionOptions = {},
): z.ZodType<z.output<Members[keyof Members]>> {
  const { typeOf } = options;
  const base = typeOf ? z.looseObject({ type: z.string().nullish() }) : z.looseObject({ type: z.string() });
  const schema = base.superRefine((value, context) => {
    const type = value.type ?? typeOf?.(value);
    if (type === undefined || type === null || !Object.hasOwn(members, type)) return;
    const result = members[type]!.safeParse(value);
    if (result.success) return;
    for (const issue of result.error.issues) context.addIssue(issue as Parameters<typeof context.addIssue>[0]);
  });
  return schema as unknown as z.ZodType<z.output<Members[keyof Members]>>;
}
