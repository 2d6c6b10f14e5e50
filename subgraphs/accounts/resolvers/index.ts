import type { Resolvers } from '../generated/resolvers-types.ts';
import { DateTimeResolver } from 'graphql-scalars';
import { me } from './Query/me.ts';
import { register } from './Mutation/register.ts';
import { login } from './Mutation/login.ts';
import { User } from './User.ts';

export const resolvers: Resolvers = {
  DateTime: DateTimeResolver,
  Query: { me },
  Mutation: { register, login },
  User,
};
