import { AsyncLocalStorage } from 'node:async_hooks';

export type ActorType = 'developer' | 'admin' | 'system' | 'anonymous' | 'service_account';

export interface Actor {
  type: ActorType;
  id?: string;
}

export interface RequestContextData {
  requestId: string;
  actor: Actor;
}

const storage = new AsyncLocalStorage<RequestContextData>();

/** Who is acting and under which request id, available to audit and logs without threading it through calls. */
export const RequestContext = {
  run<T>(data: RequestContextData, work: () => T): T {
    return storage.run(data, work);
  },
  current(): RequestContextData | undefined {
    return storage.getStore();
  },
  setActor(actor: Actor): void {
    const store = storage.getStore();
    if (store) store.actor = actor;
  },
  requestId(): string | undefined {
    return storage.getStore()?.requestId;
  },
  actor(): Actor {
    return storage.getStore()?.actor ?? { type: 'system' };
  },
};
