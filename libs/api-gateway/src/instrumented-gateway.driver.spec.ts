import { describe, expect, it } from 'vitest';
import { Metrics } from '@keyport/observability';
import { type GatewayDriver } from './gateway-driver.port';
import { instrumentGatewayDriver } from './instrumented-gateway.driver';

describe('instrumentGatewayDriver', () => {
  it('counts gateway driver calls and errors by operation through the instrumented driver', async () => {
    const metrics = new Metrics();
    const driver = {
      name: 'local',
      createApiKey: async () => ({ id: 'k1' }),
      deleteApiKey: async () => {
        throw new Error('gone');
      },
    } as unknown as GatewayDriver;
    const instrumented = instrumentGatewayDriver(driver, metrics);
    await expect(instrumented.createApiKey({ name: 'n', value: 'v', enabled: true, tags: {} })).resolves.toEqual({ id: 'k1' });
    await expect(instrumented.deleteApiKey('k1')).rejects.toThrow('gone');
    expect(instrumented.name).toBe('local');
    const text = await metrics.render();
    expect(text).toContain('keyport_gateway_driver_calls_total{driver="local",operation="createApiKey",result="ok"} 1');
    expect(text).toContain('keyport_gateway_driver_calls_total{driver="local",operation="deleteApiKey",result="error"} 1');
  });
});
