import { type Metrics } from '@keyport/observability';
import { type GatewayDriver } from './gateway-driver.port';

/**
 * Wraps a gateway driver so that every call is counted and timed by operation and result. A proxy
 * rather than a hand-written class so that operations added to the port are measured too.
 */
export function instrumentGatewayDriver<T extends GatewayDriver>(driver: T, metrics: Metrics): T {
  return new Proxy(driver, {
    get(target, property, receiver) {
      const original = Reflect.get(target, property, receiver) as unknown;
      if (typeof original !== 'function' || typeof property !== 'string' || property === 'constructor') return original;
      return async (...args: unknown[]) => {
        const started = process.hrtime.bigint();
        let ok = false;
        try {
          const result = await (original as (...a: unknown[]) => Promise<unknown>).apply(target, args);
          ok = true;
          return result;
        } finally {
          metrics.driverCall(target.name, property, ok, Number(process.hrtime.bigint() - started) / 1e9);
        }
      };
    },
  });
}
