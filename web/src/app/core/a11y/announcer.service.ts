import { Injectable, signal } from '@angular/core';

/**
 * A message for the polite live region in the app shell (translation key + params).
 * The shell clears it on the next navigation.
 */
@Injectable({ providedIn: 'root' })
export class AnnouncerService {
  private readonly current = signal<{ key: string; params?: Record<string, string> } | null>(null);
  readonly message = this.current.asReadonly();

  announce(key: string, params?: Record<string, string>): void {
    this.current.set({ key, params });
  }

  clear(): void {
    this.current.set(null);
  }
}
