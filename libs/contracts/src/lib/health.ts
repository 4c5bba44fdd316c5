export type ComponentStatus = 'up' | 'down';

export interface HealthResponse {
  status: 'ok' | 'degraded';
  database: { status: ComponentStatus };
  redis: { status: ComponentStatus };
  worker: { status: ComponentStatus; workers: number; lastHeartbeatAt: string | null };
}
