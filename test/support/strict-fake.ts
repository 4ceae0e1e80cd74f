/**
 * A stand-in for a repository or port in a unit spec: it has exactly the members the spec gives it,
 * and touching any other one throws, naming it. A service that starts calling something new fails
 * its spec loudly instead of getting `undefined` back from a lenient mock.
 */
export function strictFake<T extends object>(name: string, members: Partial<T> = {}): T {
  return new Proxy(members as T, {
    get(target, property, receiver) {
      if (Reflect.has(target, property)) return Reflect.get(target, property, receiver) as unknown;
      // Promise resolution and inspection probe these; they are not calls by the service.
      if (typeof property === 'symbol' || property === 'then' || property === 'toJSON') return undefined;
      throw new Error(`${name}.${property} was used, but this spec did not set it up`);
    },
  });
}

/** Records each call of a fake's member and answers with `answer`; `calls` lists the arguments. */
export function recorder<A extends unknown[], R>(answer: (...args: A) => R): ((...args: A) => R) & { calls: A[] } {
  const calls: A[] = [];
  const fn = (...args: A): R => {
    calls.push(args);
    return answer(...args);
  };
  return Object.assign(fn, { calls });
}
