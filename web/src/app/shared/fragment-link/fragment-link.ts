import { Directive, inject, input } from '@angular/core';
import { Router } from '@angular/router';
import { FragmentLanding } from '../../core/notifications/fragment-landing';

/**
 * A link to a part of the page this app is showing (`<a lavaFragmentLink="section-scope">`): its
 * href is this page's own address with the fragment (so "open in new tab" and copying the link
 * work, and a reload comes back to the same part), and a click goes through the router, which
 * keeps the fragment in the address; FragmentLanding then scrolls there and moves the focus to the
 * part's heading. A plain `href="#x"` would resolve against `<base href="/">` and leave the page.
 */
@Directive({
  selector: 'a[lavaFragmentLink]',
  host: { '[attr.href]': 'href()', '(click)': 'go($event)' },
})
export class FragmentLink {
  /** The id of the element to go to (without `#`). */
  readonly lavaFragmentLink = input.required<string>();

  private readonly router = inject(Router);
  private readonly landing = inject(FragmentLanding);

  protected href(): string {
    const tree = this.router.parseUrl(this.router.url);
    tree.fragment = this.lavaFragmentLink();
    return this.router.serializeUrl(tree);
  }

  protected go(event: MouseEvent): void {
    // New tab, new window, download: the browser does those with the href.
    if (event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    const tree = this.router.parseUrl(this.router.url);
    const fragment = this.lavaFragmentLink();
    tree.fragment = fragment;
    // The same address again (the person scrolled away and comes back) still lands there.
    // FragmentLanding lands on the navigation's end; if the router skipped it, land here.
    void this.router.navigateByUrl(tree, { onSameUrlNavigation: 'reload' }).then((navigated) => {
      if (navigated === null) this.landing.land(fragment);
    });
  }
}
