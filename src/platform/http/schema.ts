import { Type, type TProperties, type TSchema } from 'typebox';

/** An object schema that refuses fields it does not declare (the API's rule for every body). */
export function StrictObject<T extends TProperties>(properties: T, options: Record<string, unknown> = {}) {
  return Type.Object(properties, { additionalProperties: false, ...options });
}

export const ProblemSchema = Type.Object(
  {
    type: Type.String(),
    title: Type.String(),
    status: Type.Integer(),
    detail: Type.String(),
    instance: Type.String(),
    code: Type.String(),
    message: Type.Object({ vi: Type.String(), en: Type.String() }),
    errors: Type.Array(Type.Object({ field: Type.String(), message: Type.Object({ vi: Type.String(), en: Type.String() }) })),
    requestId: Type.String(),
  },
  { $id: 'Problem', description: 'RFC 9457 problem details with Vietnamese and English messages' },
);

/** A page of a cursor-paginated list. */
export function Page<T extends TSchema>(item: T) {
  return Type.Object({ items: Type.Array(item), nextCursor: Type.Union([Type.String(), Type.Null()]) });
}

export const PageQuery = {
  cursor: Type.Optional(Type.String({ maxLength: 200 })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
};

export const Uuid = Type.String({ format: 'uuid' });
