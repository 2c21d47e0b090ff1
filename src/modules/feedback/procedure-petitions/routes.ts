import { Type } from 'typebox';
import type { App, AppContext } from '../../../platform/http/module.js';
import { StrictObject, Uuid } from '../../../platform/http/schema.js';
import { classifyPetition, petitionView, votePetition } from './view.js';

const tags = ['feedback'];
const PROBLEM = { $ref: 'Problem#' };
const Params = Type.Object({ id: Uuid });
const Class = Type.Union([Type.Literal('procedure'), Type.Literal('officer_conduct')]);

export const PetitionViewSchema = Type.Object({
  petitionClass: Type.Union([Class, Type.Null()]),
  procedureCode: Type.Union([Type.String(), Type.Null()]),
  linkedToDossier: Type.Boolean(),
  reraiseOf: Type.Union([Type.String(), Type.Null()]),
  answered: Type.Boolean(),
  likes: Type.Integer(),
  dislikes: Type.Integer(),
  myVote: Type.Union([Type.Literal('like'), Type.Literal('dislike'), Type.Null()]),
});

export function registerPetitionRoutes(app: App, ctx: AppContext): void {
  app.get(
    '/api/v1/feedback/reports/:id/petition',
    { config: { access: { public: true } }, schema: { tags, summary: 'A petition about a procedure: class, procedure, re-raise, likes and dislikes', params: Params, response: { 200: PetitionViewSchema, 404: PROBLEM } } },
    async (request) => petitionView(ctx, request, request.params.id),
  );
  app.put(
    '/api/v1/feedback/reports/:id/petition/vote',
    {
      config: { access: { roles: '*' } },
      schema: { tags, summary: 'Like or dislike an answered petition (one vote per person, changeable)', params: Params, body: StrictObject({ vote: Type.Union([Type.Literal('like'), Type.Literal('dislike')]) }), response: { 200: PetitionViewSchema, 401: PROBLEM, 404: PROBLEM, 409: PROBLEM } },
    },
    async (request) => votePetition(ctx, request, request.params.id, request.body.vote),
  );
  app.post(
    '/api/v1/feedback/reports/:id/petition/class',
    {
      config: { access: { roles: ['officer', 'agency_admin', 'system_admin'] } },
      schema: { tags, summary: "Set a petition's class: procedure or officer conduct (indicator 5.1)", description: 'Officers and agency admins of the handling agency, and system admins.', params: Params, body: StrictObject({ petitionClass: Class }), response: { 200: PetitionViewSchema, 403: PROBLEM, 404: PROBLEM } },
    },
    async (request) => classifyPetition(ctx, request, request.params.id, request.body.petitionClass),
  );
}
