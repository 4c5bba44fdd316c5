import { ChangeDetectionStrategy, Component, DOCUMENT, inject, signal } from '@angular/core';
import { RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import type { MyDataFormat } from '@lava/contracts';
import { AnnouncerService } from '../../core/a11y/announcer.service';
import { PrivacyApi } from './privacy.api';

/** On the Profile page: download everything Lava keeps about you (GDPR art. 15 and 20). */
@Component({
  selector: 'lava-my-data-section',
  imports: [RouterLink, TranslocoPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section id="my-data" class="card" aria-labelledby="my-data-heading">
      <h2 id="my-data-heading">{{ 'privacy.myData.heading' | transloco }}</h2>
      <p>{{ 'privacy.myData.intro' | transloco }}</p>
      <div class="form-actions">
        <button type="button" class="btn" [disabled]="busy()" (click)="download('html')">{{ 'privacy.myData.html' | transloco }}</button>
        <button type="button" class="btn btn-secondary" [disabled]="busy()" (click)="download('json')">
          {{ 'privacy.myData.json' | transloco }}
        </button>
      </div>
      <div role="alert" class="alert">
        @if (failed()) {
          {{ 'privacy.myData.failed' | transloco }}
        }
      </div>
      <p>
        <a routerLink="/privacy">{{ 'privacy.myData.noticeLink' | transloco }}</a>
      </p>
    </section>
  `,
})
export class MyDataSection {
  private readonly api = inject(PrivacyApi);
  private readonly announcer = inject(AnnouncerService);
  private readonly document = inject(DOCUMENT);
  protected readonly busy = signal(false);
  protected readonly failed = signal(false);

  protected download(format: MyDataFormat): void {
    this.busy.set(true);
    this.failed.set(false);
    this.api.myData(format).subscribe({
      next: (blob) => {
        this.busy.set(false);
        this.save(blob, `lava-my-data-${new Date().toISOString().slice(0, 10)}.${format}`);
        this.announcer.announce('privacy.myData.downloaded');
      },
      error: () => {
        this.busy.set(false);
        this.failed.set(true);
      },
    });
  }

  private save(blob: Blob, name: string): void {
    const url = URL.createObjectURL(blob);
    const link = this.document.createElement('a');
    link.href = url;
    link.download = name;
    link.hidden = true;
    this.document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  }
}
