import { z } from 'zod';

const uuid = z.uuid();

/** Ids are UUIDs in every database; anything else can be refused before it reaches SQL. */
export const isUuid = (value: string) => uuid.safeParse(value).success;
