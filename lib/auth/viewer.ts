/** Roles a token can carry; the accounts subgraph is the source of truth for them. */
export const Role = { Customer: 'CUSTOMER', Admin: 'ADMIN' } as const;
export type Role = (typeof Role)[keyof typeof Role];

/** The verified caller of an operation. */
export interface Viewer {
  userId: string;
  role: Role;
}

export const isAdmin = (viewer: Viewer | null): boolean => viewer?.role === Role.Admin;
