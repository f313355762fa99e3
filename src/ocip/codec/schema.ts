// The schema DSL: OCI-P types written once, in XSD sequence order, and used three ways —
// the encoder walks them to order elements, the decoder to coerce and check what arrives,
// and TypeScript infers every command's value type from them (no hand-written twins).

/** An XSD simple type: the base it coerces to, plus the facets the strict decoder checks. */
export interface SimpleType<T = unknown> {
  readonly kind: 'simple';
  readonly name: string;
  readonly base: 'string' | 'token' | 'int' | 'long' | 'boolean';
  readonly minLength?: number;
  readonly maxLength?: number;
  readonly minInclusive?: number;
  readonly maxInclusive?: number;
  readonly enumeration?: readonly string[];
  readonly pattern?: RegExp;
  /** A password: problems name the type, never the value (errors and 6004 details reach logs). */
  readonly secret?: boolean;
  /** Phantom: the JavaScript type of a value. */
  readonly __value?: T;
}

export type Occurs = 'one' | 'optional' | 'many';

/** One element of a sequence. `choice` names an xs:choice group: exactly one member must be present. */
export interface Field<T extends TypeSpec = TypeSpec, O extends Occurs = Occurs, N extends boolean = boolean> {
  readonly type: T;
  readonly occurs: O;
  readonly nillable: N;
  readonly min: number;
  readonly max: number;
  readonly choice?: string;
}

export type Fields = Readonly<Record<string, Field>>;

/** An XSD complex type with a sequence. The object's key order is the sequence order. */
export interface ComplexType<Name extends string = string, F extends Fields = Fields> {
  readonly kind: 'complex';
  readonly name: Name;
  readonly fields: F;
}

/** An abstract type (e.g. DepartmentKey): every element names a concrete variant with xsi:type. */
export interface AbstractType<V extends readonly ComplexType[] = readonly ComplexType[]> {
  readonly kind: 'abstract';
  readonly name: string;
  readonly variants: V;
}

/** C:OCITable: colHeading+, row* of col+. */
export interface TableType {
  readonly kind: 'table';
  readonly name: 'OCITable';
}

export type TypeSpec = SimpleType | ComplexType | AbstractType | TableType;

/** A decoded table: rows keyed by column heading, never by position (OCISchemaBASE.xsd says so). */
export interface OciTable {
  headings: string[];
  rows: Record<string, string>[];
}

/** A command type. Requests name the response type they expect. */
export interface CommandSpec<Name extends string = string, F extends Fields = Fields, R = unknown>
  extends ComplexType<Name, F> {
  readonly role: 'request' | 'response';
  /** Namespace of the type: core responses live in "C", every command type in no namespace. */
  readonly namespace: '' | 'C';
  readonly response?: R;
  /** A query (BroadWorks' …Get…Request): it changes nothing, so a dry run sends it. */
  readonly readOnly?: boolean;
  /** The field naming the service user this request creates (an Add, or a rename's new id). */
  readonly createsUser?: string;
}

// ---- type inference -------------------------------------------------------------------------

type Simplify<T> = { [K in keyof T]: T[K] } & {};

export type ValueOf<T> =
  T extends SimpleType<infer V>
    ? V
    : T extends ComplexType<string, infer F>
      ? Infer<F>
      : T extends AbstractType<infer V>
        ? VariantValue<V[number]>
        : T extends TableType
          ? OciTable
          : never;

type VariantValue<C> = C extends ComplexType<infer Name, infer F> ? Simplify<{ $type: Name } & Infer<F>> : never;

type FieldValue<F> =
  F extends Field<infer T, infer O, infer N>
    ? (O extends 'many' ? ValueOf<T>[] : ValueOf<T>) | (N extends true ? null : never)
    : never;

type RequiredKeys<F extends Fields> = { [K in keyof F]: F[K]['occurs'] extends 'one' ? K : never }[keyof F];
type OptionalKeys<F extends Fields> = Exclude<keyof F, RequiredKeys<F>>;

/** The JavaScript value of a sequence: required elements are required keys, lists are arrays, nil is null. */
export type Infer<F extends Fields> = Simplify<
  { -readonly [K in RequiredKeys<F>]: FieldValue<F[K]> } & { -readonly [K in OptionalKeys<F>]?: FieldValue<F[K]> }
>;

/** The value type of a command spec (without the envelope). */
export type CommandValue<S> = S extends ComplexType<string, infer F> ? Infer<F> : never;

/** The response value a request spec expects. */
export type ResponseOf<S> = S extends CommandSpec<string, Fields, infer R> ? CommandValue<R> : never;

// ---- builders --------------------------------------------------------------------------------

type Facets = Omit<SimpleType, 'kind' | 'name' | 'base' | '__value'>;

export function token(name: string, minLength: number, maxLength: number, extra: Facets = {}): SimpleType<string> {
  return { kind: 'simple', name, base: 'token', minLength, maxLength, ...extra };
}

export function enumeration<const E extends readonly string[]>(name: string, values: E): SimpleType<E[number]> {
  return { kind: 'simple', name, base: 'token', enumeration: values };
}

export function int(name: string, minInclusive?: number, maxInclusive?: number): SimpleType<number> {
  return { kind: 'simple', name, base: 'int', minInclusive, maxInclusive };
}

export const xsString: SimpleType<string> = { kind: 'simple', name: 'xs:string', base: 'string' };
export const xsNormalizedString: SimpleType<string> = { kind: 'simple', name: 'xs:normalizedString', base: 'string' };
export const xsBoolean: SimpleType<boolean> = { kind: 'simple', name: 'xs:boolean', base: 'boolean' };
export const xsInt: SimpleType<number> = { kind: 'simple', name: 'xs:int', base: 'int' };
export const xsLong: SimpleType<number> = { kind: 'simple', name: 'xs:long', base: 'long' };
export const ociTable: TableType = { kind: 'table', name: 'OCITable' };

export function one<T extends TypeSpec>(type: T, options: { choice?: string } = {}): Field<T, 'one', false> {
  return { type, occurs: 'one', nillable: false, min: 1, max: 1, ...options };
}

export function optional<T extends TypeSpec>(type: T, options: { nillable: true }): Field<T, 'optional', true>;
export function optional<T extends TypeSpec>(type: T, options?: { choice?: string }): Field<T, 'optional', false>;
export function optional<T extends TypeSpec>(
  type: T,
  options: { nillable?: boolean; choice?: string } = {},
): Field<T, 'optional', boolean> {
  return { type, occurs: 'optional', nillable: options.nillable ?? false, min: 0, max: 1, choice: options.choice };
}

export function many<T extends TypeSpec>(type: T, min = 0, max = Infinity): Field<T, 'many', false> {
  return { type, occurs: 'many', nillable: false, min, max };
}

export function complex<const Name extends string, const F extends Fields>(name: Name, fields: F): ComplexType<Name, F> {
  return { kind: 'complex', name, fields };
}

export function abstract<const V extends readonly ComplexType[]>(name: string, variants: V): AbstractType<V> {
  return { kind: 'abstract', name, variants };
}

/** A request that changes something; `createsUser` names the field holding a user id it creates. */
export function request<const Name extends string, const F extends Fields, R extends CommandSpec>(
  name: Name,
  fields: F,
  response: R,
  effect: { createsUser?: keyof F & string } = {},
): CommandSpec<Name, F, R> {
  return { kind: 'complex', role: 'request', namespace: '', name, fields, response, ...effect };
}

/** A request that only reads (…Get…Request): a dry run may send it. */
export function query<const Name extends string, const F extends Fields, R extends CommandSpec>(
  name: Name,
  fields: F,
  response: R,
): CommandSpec<Name, F, R> {
  return { kind: 'complex', role: 'request', namespace: '', name, fields, response, readOnly: true };
}

export function response<const Name extends string, const F extends Fields>(
  name: Name,
  fields: F,
  namespace: '' | 'C' = '',
): CommandSpec<Name, F, never> {
  return { kind: 'complex', role: 'response', namespace, name, fields };
}
