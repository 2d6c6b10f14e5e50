import type { GraphQLResolveInfo, GraphQLScalarType, GraphQLScalarTypeConfig } from 'graphql';
import type { ProductReference, UserReference } from '../entity-references.ts';
import type { StockQuantities } from '../stock-arithmetic.ts';
import type { StockMovement as StockMovementModel } from './prisma/client.ts';
import type { Context } from '../context.ts';
export type Maybe<T> = T | null;
export type InputMaybe<T> = Maybe<T>;
export type Omit<T, K extends keyof T> = Pick<T, Exclude<keyof T, K>>;
export type RequireFields<T, K extends keyof T> = Omit<T, K> & { [P in K]-?: NonNullable<T[P]> };
/** All built-in and custom scalars, mapped to their actual values */
export type Scalars = {
  ID: { input: string; output: string; }
  String: { input: string; output: string; }
  Boolean: { input: boolean; output: boolean; }
  Int: { input: number; output: number; }
  Float: { input: number; output: number; }
  /** An instant in time, as an ISO 8601 string in UTC. */
  DateTime: { input: Date; output: Date; }
  _FieldSet: { input: unknown; output: unknown; }
};

export type CacheControlScope =
  | 'PRIVATE'
  | 'PUBLIC';

export type ImportStockPayload = {
  __typename?: 'ImportStockPayload';
  /** Products that had stock already and were left as they were. */
  alreadyStocked: Scalars['Int']['output'];
  /** Products this call gave their first stock. */
  stocked: Scalars['Int']['output'];
};

export type InitialStockInput = {
  /** 0 to 1,000,000. */
  onHand: Scalars['Int']['input'];
  productId: Scalars['ID']['input'];
};

export type Mutation = {
  __typename?: 'Mutation';
  /**
   * Admins only. Adds (positive) or removes (negative) units on hand with a reason.
   * INSUFFICIENT_STOCK if the result would be negative or below the units reserved.
   */
  adjustStock: Product;
  /**
   * Admins only. Gives 1 to 500 products their first stock in one call (a movement each, with the
   * reason), all or none: BAD_USER_INPUT for an invalid level or a product given twice
   * (`extensions.field`, e.g. `levels.3.onHand`). A product that has stock already keeps it, so
   * repeating a call adds nothing.
   */
  importStock: ImportStockPayload;
  /**
   * Admins only. Sets the units on hand (0 to 1,000,000) with a reason (1 to 500 characters).
   * INSUFFICIENT_STOCK if fewer than the units already reserved.
   */
  setStock: Product;
};


export type MutationAdjustStockArgs = {
  delta: Scalars['Int']['input'];
  productId: Scalars['ID']['input'];
  reason: Scalars['String']['input'];
};


export type MutationImportStockArgs = {
  levels: Array<InitialStockInput>;
  reason: Scalars['String']['input'];
};


export type MutationSetStockArgs = {
  onHand: Scalars['Int']['input'];
  productId: Scalars['ID']['input'];
  reason: Scalars['String']['input'];
};

export type PageInfo = {
  __typename?: 'PageInfo';
  endCursor: Maybe<Scalars['String']['output']>;
  hasNextPage: Scalars['Boolean']['output'];
};

export type Product = {
  __typename?: 'Product';
  id: Scalars['ID']['output'];
  /** Whether at least one unit is available; null when inventory cannot answer. */
  inStock: Maybe<Scalars['Boolean']['output']>;
  /**
   * A product nobody has stocked yet has 0 on hand, 0 reserved, 0 available. Nullable so that when
   * inventory cannot answer, the rest of the product still arrives (with a SUBGRAPH_UNAVAILABLE error).
   */
  stock: Maybe<Stock>;
  /** Stock changes, newest first; admins only (FORBIDDEN for others). `first` is at most 100. */
  stockMovements: Maybe<StockMovementConnection>;
};


export type ProductStockMovementsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};

/** Units of one product: `available` is what can still be sold, never negative. */
export type Stock = {
  __typename?: 'Stock';
  /** onHand minus reserved. */
  available: Scalars['Int']['output'];
  onHand: Scalars['Int']['output'];
  /** Held for orders that are not committed or released yet. */
  reserved: Scalars['Int']['output'];
};

/** One change to a product's stock. */
export type StockMovement = {
  __typename?: 'StockMovement';
  /** The admin who made the change; null for changes made for an order. */
  actor: Maybe<User>;
  createdAt: Scalars['DateTime']['output'];
  id: Scalars['ID']['output'];
  kind: StockMovementKind;
  /** Units on hand right after this change. */
  onHandAfter: Scalars['Int']['output'];
  onHandDelta: Scalars['Int']['output'];
  /** The order whose reservation caused the change, if any. */
  orderId: Maybe<Scalars['ID']['output']>;
  reason: Scalars['String']['output'];
  reservedDelta: Scalars['Int']['output'];
};

export type StockMovementConnection = {
  __typename?: 'StockMovementConnection';
  edges: Array<StockMovementEdge>;
  pageInfo: PageInfo;
};

export type StockMovementEdge = {
  __typename?: 'StockMovementEdge';
  cursor: Scalars['String']['output'];
  node: StockMovement;
};

export type StockMovementKind =
  /** An admin added or removed units. */
  | 'ADJUST'
  /** A held order was completed: the units left the warehouse. */
  | 'COMMIT'
  /** A hold ran out before the order completed: the units are available again. */
  | 'EXPIRE'
  /** A held order was cancelled or failed: the units are available again. */
  | 'RELEASE'
  /** Units held for an order. */
  | 'RESERVE'
  /** An order was cancelled: its held or committed units are available again. */
  | 'RETURN'
  /** An admin set the quantity on hand. */
  | 'SET';

export type User = {
  __typename?: 'User';
  id: Scalars['ID']['output'];
};



export type ResolverTypeWrapper<T> = Promise<T> | T;

export type ReferenceResolver<TResult, TReference, TContext> = (
      reference: TReference,
      context: TContext,
      info: GraphQLResolveInfo
    ) => Promise<TResult> | TResult;

      type ScalarCheck<T, S> = S extends true ? T : NullableCheck<T, S>;
      type NullableCheck<T, S> = Maybe<T> extends T ? Maybe<ListCheck<NonNullable<T>, S>> : ListCheck<T, S>;
      type ListCheck<T, S> = T extends (infer U)[] ? NullableCheck<U, S>[] : GraphQLRecursivePick<T, S>;
      export type GraphQLRecursivePick<T, S> = { [K in keyof T & keyof S]: ScalarCheck<T[K], S[K]> };
    

export type ResolverWithResolve<TResult, TParent, TContext, TArgs> = {
  resolve: ResolverFn<TResult, TParent, TContext, TArgs>;
};
export type Resolver<TResult, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> = ResolverFn<TResult, TParent, TContext, TArgs> | ResolverWithResolve<TResult, TParent, TContext, TArgs>;

export type ResolverFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => Promise<TResult> | TResult;

export type SubscriptionSubscribeFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => AsyncIterable<TResult> | Promise<AsyncIterable<TResult>>;

export type SubscriptionResolveFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => TResult | Promise<TResult>;

export interface SubscriptionSubscriberObject<TResult, TKey extends string, TParent, TContext, TArgs> {
  subscribe: SubscriptionSubscribeFn<{ [key in TKey]: TResult }, TParent, TContext, TArgs>;
  resolve?: SubscriptionResolveFn<TResult, { [key in TKey]: TResult }, TContext, TArgs>;
}

export interface SubscriptionResolverObject<TResult, TParent, TContext, TArgs> {
  subscribe: SubscriptionSubscribeFn<any, TParent, TContext, TArgs>;
  resolve: SubscriptionResolveFn<TResult, any, TContext, TArgs>;
}

export type SubscriptionObject<TResult, TKey extends string, TParent, TContext, TArgs> =
  | SubscriptionSubscriberObject<TResult, TKey, TParent, TContext, TArgs>
  | SubscriptionResolverObject<TResult, TParent, TContext, TArgs>;

export type SubscriptionResolver<TResult, TKey extends string, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> =
  | ((...args: any[]) => SubscriptionObject<TResult, TKey, TParent, TContext, TArgs>)
  | SubscriptionObject<TResult, TKey, TParent, TContext, TArgs>;

export type TypeResolveFn<TTypes, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>> = (
  parent: TParent,
  context: TContext,
  info: GraphQLResolveInfo
) => Maybe<TTypes> | Promise<Maybe<TTypes>>;

export type IsTypeOfResolverFn<T = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>> = (obj: T, context: TContext, info: GraphQLResolveInfo) => boolean | Promise<boolean>;

export type NextResolverFn<T> = () => Promise<T>;

export type DirectiveResolverFn<TResult = Record<PropertyKey, never>, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> = (
  next: NextResolverFn<TResult>,
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => TResult | Promise<TResult>;

/** Mapping of federation types */
export type FederationTypes = {
  Product: Product;
};

/** Mapping of federation reference types */
export type FederationReferenceTypes = {
  Product:
    ( { __typename: 'Product' }
    & GraphQLRecursivePick<FederationTypes['Product'], {"id":true}> );
};



/** Mapping between all available schema types and the resolvers types */
export type ResolversTypes = {
  CacheControlScope: CacheControlScope;
  DateTime: ResolverTypeWrapper<Scalars['DateTime']['output']>;
  ImportStockPayload: ResolverTypeWrapper<ImportStockPayload>;
  InitialStockInput: InitialStockInput;
  ID: ResolverTypeWrapper<Scalars['ID']['output']>;
  Mutation: ResolverTypeWrapper<Record<PropertyKey, never>>;
  String: ResolverTypeWrapper<Scalars['String']['output']>;
  PageInfo: ResolverTypeWrapper<PageInfo>;
  Product: ResolverTypeWrapper<ProductReference>;
  Stock: ResolverTypeWrapper<StockQuantities>;
  StockMovement: ResolverTypeWrapper<StockMovementModel>;
  StockMovementConnection: ResolverTypeWrapper<Omit<StockMovementConnection, 'edges'> & { edges: Array<ResolversTypes['StockMovementEdge']> }>;
  StockMovementEdge: ResolverTypeWrapper<Omit<StockMovementEdge, 'node'> & { node: ResolversTypes['StockMovement'] }>;
  StockMovementKind: StockMovementKind;
  User: ResolverTypeWrapper<UserReference>;
  Boolean: ResolverTypeWrapper<Scalars['Boolean']['output']>;
  Int: ResolverTypeWrapper<Scalars['Int']['output']>;
};

/** Mapping between all available schema types and the resolvers parents */
export type ResolversParentTypes = {
  DateTime: Scalars['DateTime']['output'];
  ImportStockPayload: ImportStockPayload;
  InitialStockInput: InitialStockInput;
  ID: Scalars['ID']['output'];
  Mutation: Record<PropertyKey, never>;
  String: Scalars['String']['output'];
  PageInfo: PageInfo;
  Product: ProductReference;
  Stock: StockQuantities;
  StockMovement: StockMovementModel;
  StockMovementConnection: Omit<StockMovementConnection, 'edges'> & { edges: Array<ResolversParentTypes['StockMovementEdge']> };
  StockMovementEdge: Omit<StockMovementEdge, 'node'> & { node: ResolversParentTypes['StockMovement'] };
  User: UserReference;
  Boolean: Scalars['Boolean']['output'];
  Int: Scalars['Int']['output'];
};

export type AdminOnlyDirectiveArgs = { };

export type AdminOnlyDirectiveResolver<Result, Parent, ContextType = Context, Args = AdminOnlyDirectiveArgs> = DirectiveResolverFn<Result, Parent, ContextType, Args>;

export type CacheControlDirectiveArgs = {
  inheritMaxAge?: Maybe<Scalars['Boolean']['input']>;
  maxAge?: Maybe<Scalars['Int']['input']>;
  scope?: Maybe<CacheControlScope>;
};

export type CacheControlDirectiveResolver<Result, Parent, ContextType = Context, Args = CacheControlDirectiveArgs> = DirectiveResolverFn<Result, Parent, ContextType, Args>;

export interface DateTimeScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['DateTime'], any> {
  name: 'DateTime';
}

export type ImportStockPayloadResolvers<ContextType = Context, ParentType extends ResolversParentTypes['ImportStockPayload'] = ResolversParentTypes['ImportStockPayload']> = {
  alreadyStocked?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  stocked?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type MutationResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Mutation'] = ResolversParentTypes['Mutation']> = {
  adjustStock?: Resolver<ResolversTypes['Product'], ParentType, ContextType, RequireFields<MutationAdjustStockArgs, 'delta' | 'productId' | 'reason'>>;
  importStock?: Resolver<ResolversTypes['ImportStockPayload'], ParentType, ContextType, RequireFields<MutationImportStockArgs, 'levels' | 'reason'>>;
  setStock?: Resolver<ResolversTypes['Product'], ParentType, ContextType, RequireFields<MutationSetStockArgs, 'onHand' | 'productId' | 'reason'>>;
};

export type PageInfoResolvers<ContextType = Context, ParentType extends ResolversParentTypes['PageInfo'] = ResolversParentTypes['PageInfo']> = {
  endCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  hasNextPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
};

export type ProductResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Product'] = ResolversParentTypes['Product'], FederationReferenceType extends FederationReferenceTypes['Product'] = FederationReferenceTypes['Product']> = {
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Product']> | FederationReferenceType, FederationReferenceType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  inStock?: Resolver<Maybe<ResolversTypes['Boolean']>, ParentType, ContextType>;
  stock?: Resolver<Maybe<ResolversTypes['Stock']>, ParentType, ContextType>;
  stockMovements?: Resolver<Maybe<ResolversTypes['StockMovementConnection']>, ParentType, ContextType, RequireFields<ProductStockMovementsArgs, 'first'>>;
};

export type StockResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Stock'] = ResolversParentTypes['Stock']> = {
  available?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  onHand?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  reserved?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type StockMovementResolvers<ContextType = Context, ParentType extends ResolversParentTypes['StockMovement'] = ResolversParentTypes['StockMovement']> = {
  actor?: Resolver<Maybe<ResolversTypes['User']>, ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['StockMovementKind'], ParentType, ContextType>;
  onHandAfter?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  onHandDelta?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  orderId?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  reason?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  reservedDelta?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type StockMovementConnectionResolvers<ContextType = Context, ParentType extends ResolversParentTypes['StockMovementConnection'] = ResolversParentTypes['StockMovementConnection']> = {
  edges?: Resolver<Array<ResolversTypes['StockMovementEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
};

export type StockMovementEdgeResolvers<ContextType = Context, ParentType extends ResolversParentTypes['StockMovementEdge'] = ResolversParentTypes['StockMovementEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['StockMovement'], ParentType, ContextType>;
};

export type UserResolvers<ContextType = Context, ParentType extends ResolversParentTypes['User'] = ResolversParentTypes['User']> = {
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
};

export type Resolvers<ContextType = Context> = {
  DateTime?: GraphQLScalarType;
  ImportStockPayload?: ImportStockPayloadResolvers<ContextType>;
  Mutation?: MutationResolvers<ContextType>;
  PageInfo?: PageInfoResolvers<ContextType>;
  Product?: ProductResolvers<ContextType>;
  Stock?: StockResolvers<ContextType>;
  StockMovement?: StockMovementResolvers<ContextType>;
  StockMovementConnection?: StockMovementConnectionResolvers<ContextType>;
  StockMovementEdge?: StockMovementEdgeResolvers<ContextType>;
  User?: UserResolvers<ContextType>;
};

export type DirectiveResolvers<ContextType = Context> = {
  adminOnly?: AdminOnlyDirectiveResolver<any, any, ContextType>;
  cacheControl?: CacheControlDirectiveResolver<any, any, ContextType>;
};
