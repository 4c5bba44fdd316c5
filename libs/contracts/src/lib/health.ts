export type ComponentStatus = 'up' | 'down';

export interface HealthResponse {
  status: 'ok' | 'degraded';
  database: { status: ComponentStatus };
  redis: { status: ComponentStatus };
  worker: { status: ComponentStatus; workers: number; lastHeartbeatAt: string | null };
}

/** `GET /api/health` as anyone not on the API's own machine sees it: the overall status only. */
export interface HealthSummary {
  status: HealthResponse['status'];
}
