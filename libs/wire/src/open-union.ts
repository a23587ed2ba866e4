import { z } from 'zod';

type ObjectWithType = { type?: string | null; [key: string]: unknown };

/**
 * For the branches that do not apply to the value. `abort` makes such a branch fail outright, so that zod reports
 * every branch's issues rather than only this one; the known member's branch comes first, and error reporting
 * (`validationIssuesFromZod`) takes the first branch that accepted the value's JSON type.
 */
const branchMismatch = { abort: true, path: ['type'] };

export interface OpenUnionOptions {
  /** The member to use for an object without `type`; without this option `type` is required. */
  typeOf?: (value: ObjectWithType) => string;
}

/**
 * A union of objects told apart by `type` that stays open: an object whose `type` is not one of `members` passes
 * unchecked (the APIs add block, item and event types all the time, and a gateway must not reject them), while an
 * object of a known type is checked against its member, with issues reported at the member's own fields.
 * Consumers must keep a default branch when they switch on `type`.
 *
 * Built from zod's discriminated union so that a known object is parsed once, by its member alone.
 */
export function openUnion<const Members extends Record<string, z.ZodObject>>(
  members: Members,
  options: OpenUnionOptions = {},
): z.ZodType<z.output<Members[keyof Members]>> {
  const { typeOf } = options;
  const entries = Object.entries(members);
  for (const [type, member] of entries) {
    const typeSchema = member.shape.type as z.ZodType | undefined;
    if (!typeSchema?.safeParse(type).success) throw new Error(`openUnion: member "${type}" does not accept type "${type}"`);
  }
  const knownTypes = new Set(entries.map(([type]) => type));
  // A member may accept a missing `type` (typeOf mode); the discriminated branch only sees objects that have one.
  const taggedMembers = entries.map(([type, member]) => member.extend({ type: z.literal(type) }));
  const known = z.discriminatedUnion('type', taggedMembers as unknown as [z.ZodObject, ...z.ZodObject[]]);
  const unknownType = z
    .looseObject({ type: typeOf ? z.string().nullish() : z.string() })
    .refine((value) => !knownTypes.has(value.type ?? typeOf!(value)), branchMismatch);
  if (!typeOf) return z.union([known, unknownType]) as unknown as z.ZodType<z.output<Members[keyof Members]>>;

  // Objects without `type` go to the member typeOf names; they are the rarer case, and parsed twice.
  const untyped = z
    .looseObject({})
    .refine((value) => value.type === undefined || value.type === null, branchMismatch)
    .superRefine((value, context) => {
      const result = members[typeOf(value as ObjectWithType)]!.safeParse(value);
      if (result.success) return;
      for (const issue of result.error.issues) context.addIssue(issue as Parameters<typeof context.addIssue>[0]);
    });
  return z.union([known, untyped, unknownType]) as unknown as z.ZodType<z.output<Members[keyof Members]>>;
}
