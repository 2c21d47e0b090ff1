import { Type, type Static } from 'typebox';
import { StrictObject } from '../../../platform/http/schema.js';

/** The actions a template (mẫu trả lời) can fill the text of. */
export const TEMPLATE_ACTIONS = ['refuse', 'resolve', 'close', 'transfer', 'note'] as const;
export type TemplateAction = (typeof TEMPLATE_ACTIONS)[number];
const ActionEnum = Type.Unsafe<TemplateAction>({ type: 'string', enum: [...TEMPLATE_ACTIONS] });
const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);

const Title = Type.String({ minLength: 3, maxLength: 120 });
const Body = Type.String({ minLength: 3, maxLength: 4000 });

export const TemplateView = Type.Object({
  id: Type.String(),
  /** null: province-wide, offered to every agency. */
  agencyId: Nullable(Type.String()),
  action: Type.String(),
  title: Type.String(),
  body: Type.String(),
  active: Type.Boolean(),
  updatedAt: Type.String(),
});
export type TemplateViewT = Static<typeof TemplateView>;

export const TemplateListQuery = StrictObject({
  action: Type.Optional(ActionEnum),
  /** System admins: one agency's templates (with the province-wide ones); others read their own agency's. */
  agencyId: Type.Optional(Type.String({ format: 'uuid' })),
  /** Managers (agency and system admins) may also list switched-off templates. */
  includeInactive: Type.Optional(Type.Boolean()),
});
export type TemplateListFilters = Static<typeof TemplateListQuery>;

export const NewTemplateBody = StrictObject({
  /** Omitted: the caller's agency; null: province-wide (system admins only). */
  agencyId: Type.Optional(Nullable(Type.String({ format: 'uuid' }))),
  action: ActionEnum,
  title: Title,
  body: Body,
});
export type NewTemplate = Static<typeof NewTemplateBody>;

export const TemplatePatchBody = StrictObject({ action: Type.Optional(ActionEnum), title: Type.Optional(Title), body: Type.Optional(Body), active: Type.Optional(Type.Boolean()) }, { minProperties: 1 });
export type TemplatePatch = Static<typeof TemplatePatchBody>;
