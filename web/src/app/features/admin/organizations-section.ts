import { ChangeDetectionStrategy, Component, computed, effect, inject, signal, untracked } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { TranslocoPipe } from '@jsverse/transloco';
import {
  BODY_TYPES,
  type BodyType,
  CHILD_ORGANIZATION_KINDS,
  SUMMARY_LANGUAGES,
  type AdminOrganizationView,
  type OrganizationKind,
  type OrganizationNames,
  type SummaryLanguage,
} from '@lava/contracts';
import { AnnouncerService } from '../../core/a11y/announcer.service';
import { LanguageService } from '../../core/i18n/language.service';
import { apiError } from '../../shared/api-error';
import { BodyContacts } from '../bodies/body-contacts';
import { AdminApi } from './admin.api';

type Editor =
  | { mode: 'rename'; id: string; names: OrganizationNames }
  | { mode: 'add'; parentId: string; kind: OrganizationKind; names: OrganizationNames; bodyType: BodyType }
  | { mode: 'contacts'; id: string }
  | { mode: 'domains'; id: string; name: string; text: string }
  | { mode: 'languages'; id: string; chosen: Record<SummaryLanguage, boolean> };

/**
 * The admin's organizations as a tree: rename any, add municipalities, committees and the youth
 * council, set the languages a municipality uses (the plain-language summary is written in each) and
 * the e-mail domains a staff organization vouches for at organization sign-in.
 */
@Component({
  selector: 'lava-organizations-section',
  imports: [FormsModule, TranslocoPipe, BodyContacts],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './organizations-section.html',
  styleUrl: './organizations-section.css',
})
export class OrganizationsSection {
  private readonly api = inject(AdminApi);
  private readonly announcer = inject(AnnouncerService);

  protected readonly organizations = signal<AdminOrganizationView[]>([]);
  protected readonly editor = signal<Editor | null>(null);
  protected readonly error = signal<string | null>(null);
  /** Depth of each organization in the tree, for indentation. */
  protected readonly depth = computed(() => {
    const byId = new Map(this.organizations().map((o) => [o.id, o]));
    const depthOf = (o: AdminOrganizationView): number => {
      const parent = o.parentId ? byId.get(o.parentId) : undefined;
      return parent ? depthOf(parent) + 1 : 0;
    };
    return new Map(this.organizations().map((o) => [o.id, depthOf(o)]));
  });

  constructor() {
    // Names come in the language of the request: load again when the language changes.
    const language = inject(LanguageService).language;
    effect(() => {
      language();
      untracked(() => this.load());
    });
  }

  protected childKinds(kind: OrganizationKind): readonly OrganizationKind[] {
    return CHILD_ORGANIZATION_KINDS[kind];
  }

  protected startRename(org: AdminOrganizationView): void {
    this.error.set(null);
    this.editor.set({ mode: 'rename', id: org.id, names: { ...org.names } });
  }

  protected startAdd(org: AdminOrganizationView, kind: OrganizationKind): void {
    this.error.set(null);
    this.editor.set({ mode: 'add', parentId: org.id, kind, names: { fi: '', sv: '', en: '' }, bodyType: 'pupil_council' });
  }

  protected readonly bodyTypes = BODY_TYPES;

  /** A heard body's e-mail-only contacts (issue 13): shown below it, or hidden again. */
  protected toggleContacts(org: AdminOrganizationView): void {
    this.error.set(null);
    const open = this.editor();
    this.editor.set(open?.mode === 'contacts' && open.id === org.id ? null : { mode: 'contacts', id: org.id });
  }

  protected startDomains(org: AdminOrganizationView): void {
    this.error.set(null);
    this.editor.set({ mode: 'domains', id: org.id, name: org.name, text: org.oidcEmailDomains.join('\n') });
    setTimeout(() => document.getElementById(`domains-${org.id}`)?.focus());
  }

  protected readonly summaryLanguages = SUMMARY_LANGUAGES;

  protected startLanguages(org: AdminOrganizationView): void {
    this.error.set(null);
    const chosen = Object.fromEntries(SUMMARY_LANGUAGES.map((l) => [l, (org.languages ?? []).includes(l)])) as Record<
      SummaryLanguage,
      boolean
    >;
    this.editor.set({ mode: 'languages', id: org.id, chosen });
  }

  protected saveLanguages(org: AdminOrganizationView): void {
    const editor = this.editor();
    if (editor?.mode !== 'languages') return;
    const languages = SUMMARY_LANGUAGES.filter((l) => editor.chosen[l]);
    if (languages.length === 0) {
      this.error.set(null);
      this.languagesMissing.set(true);
      return;
    }
    this.languagesMissing.set(false);
    this.api.setOrganizationLanguages(org.id, { languages }).subscribe({
      next: (saved) => {
        this.editor.set(null);
        this.announcer.announce('organizationLanguages.saved', { name: saved.name });
        this.load();
      },
      error: (error: unknown) => this.error.set(apiError(error)?.message ?? null),
    });
  }

  /** The admin tried to save with no language chosen (said beside the choices, not sent). */
  protected readonly languagesMissing = signal(false);

  protected cancel(): void {
    this.languagesMissing.set(false);
    this.editor.set(null);
  }

  protected save(): void {
    const editor = this.editor();
    if (!editor || editor.mode === 'languages' || editor.mode === 'contacts') return;
    if (editor.mode === 'domains') {
      // One per line; commas, semicolons and spaces separate too. The API checks and normalizes them.
      const domains = editor.text.split(/[\s,;]+/).filter((d) => d.length > 0);
      this.api.setOidcEmailDomains(editor.id, domains).subscribe({
        next: (saved) => {
          this.editor.set(null);
          this.announcer.announce('signInDomains.saved', { name: saved.name });
          this.load();
        },
        error: (error: unknown) => this.error.set(apiError(error)?.message ?? null),
      });
      return;
    }
    const request =
      editor.mode === 'rename'
        ? this.api.renameOrganization(editor.id, editor.names)
        : this.api.createOrganization({
            parentId: editor.parentId,
            kind: editor.kind,
            names: editor.names,
            ...(editor.kind === 'heard_body' ? { bodyType: editor.bodyType } : {}),
          });
    request.subscribe({
      next: (saved) => {
        this.editor.set(null);
        this.announcer.announce(editor.mode === 'rename' ? 'organizations.renamed' : 'organizations.added', { name: saved.name });
        this.load();
      },
      error: (error: unknown) => this.error.set(apiError(error)?.message ?? null),
    });
  }

  private load(): void {
    this.api.organizations().subscribe({ next: (orgs) => this.organizations.set(orgs) });
  }
}
