import type { FastifyRequest } from 'fastify';
import type { Static } from 'typebox';
import type { Transaction } from 'kysely';
import type { Database } from '../db/tables.js';
import type { AppContext } from '../http/module.js';
import { createUser } from './users.js';
import type { RegisterBody, UserView } from './schemas.js';

/** Self-registration: only citizen and business accounts; staff accounts are created by admins. */
export function registerAccount(trx: Transaction<Database>, ctx: AppContext, body: Static<typeof RegisterBody>, request: FastifyRequest): Promise<UserView> {
  return createUser(
    trx,
    ctx.audit,
    { email: body.email, password: body.password, fullName: body.fullName, phone: body.phone, role: body.accountType },
    { userId: null, label: body.email.toLowerCase() },
    { action: 'user.register', ip: request.ip, requestId: String(request.id) },
  );
}
