/** How one payload field must look: a kind of JSON value, or a list of the strings it may be. */
type FieldKind = 'string' | 'number' | 'boolean' | readonly string[];

/** A field that may be absent. */
export interface OptionalField<K extends FieldKind = FieldKind> {
  readonly optional: K;
}

export type PayloadShape = Readonly<Record<string, FieldKind | OptionalField>>;

type ValueOf<K> = K extends 'string' ? string : K extends 'number' ? number : K extends 'boolean' ? boolean : K extends readonly (infer L)[] ? L : never;
type RequiredKeys<S> = { [F in keyof S]: S[F] extends OptionalField ? never : F }[keyof S];
type OptionalKeys<S> = { [F in keyof S]: S[F] extends OptionalField ? F : never }[keyof S];

/** The payload type a shape describes. A type alias (not an interface), so it is a JSON record. */
export type PayloadOf<S extends PayloadShape> = {
  [F in RequiredKeys<S>]: ValueOf<S[F]>;
} & {
  [F in OptionalKeys<S>]?: S[F] extends OptionalField<infer K> ? ValueOf<K> : never;
};

export const optional = <K extends FieldKind>(kind: K): OptionalField<K> => ({ optional: kind });

export type PayloadReading<P> = { payload: P; problem?: undefined } | { problem: string };

/**
 * One kind of outbox message: the type name stored with each item and the shape of its payload.
 * The producer enqueues a payload of this type; the worker checks a stored payload against the shape
 * before its handler sees it, because rows outlive the code that wrote them.
 */
export class OutboxMessage<P> {
  private constructor(
    readonly type: string,
    private readonly shape: PayloadShape,
  ) {}

  static define<const S extends PayloadShape>(type: string, shape: S): OutboxMessage<PayloadOf<S>> {
    return new OutboxMessage(type, shape);
  }

  /** The stored payload as this message, or what is wrong with it. Fields the shape does not name pass through. */
  read(stored: unknown): PayloadReading<P> {
    if (typeof stored !== 'object' || stored === null || Array.isArray(stored)) return { problem: `${this.type} payload is not an object` };
    const fields = stored as Record<string, unknown>;
    for (const [name, rule] of Object.entries(this.shape)) {
      const isOptional = typeof rule === 'object' && 'optional' in rule;
      const kind = isOptional ? rule.optional : rule;
      const value = fields[name];
      if (value === undefined && isOptional) continue;
      // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- JSON.stringify(undefined) is undefined, whatever its type says
      if (!fits(value, kind)) return { problem: `${this.type} payload: ${name} must be ${describe(kind)}, got ${JSON.stringify(value) ?? 'nothing'}` };
    }
    return { payload: stored as P };
  }
}

/** The payload type of a message definition, for handlers: `OutboxItem<MessagePayload<typeof KeySync>>`. */
export type MessagePayload<M> = M extends OutboxMessage<infer P> ? P : never;

function fits(value: unknown, kind: FieldKind): boolean {
  if (typeof kind !== 'string') return typeof value === 'string' && kind.includes(value);
  if (kind === 'number') return typeof value === 'number' && Number.isFinite(value);
  return typeof value === kind;
}

function describe(kind: FieldKind): string {
  return typeof kind === 'string' ? `a ${kind}` : `one of ${kind.join(', ')}`;
}
