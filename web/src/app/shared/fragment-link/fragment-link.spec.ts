import { Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { Router, provideRouter } from '@angular/router';
import { FragmentLink } from './fragment-link';

@Component({
  imports: [FragmentLink],
  template: `<a lavaFragmentLink="section-scope">Scope</a>`,
})
class Host {}

@Component({ template: '<section id="section-scope"><h2>Scope</h2></section>' })
class RecordPage {}

describe('FragmentLink', () => {
  async function render() {
    TestBed.configureTestingModule({ providers: [provideRouter([{ path: 'assessments/:id', component: RecordPage }])] });
    const router = TestBed.inject(Router);
    await router.navigateByUrl('/assessments/a1?tab=x');
    const fixture = TestBed.createComponent(Host);
    await fixture.whenStable();
    const link = (fixture.nativeElement as HTMLElement).querySelector('a') as HTMLAnchorElement;
    return { router, fixture, link };
  }

  it('points at this page with the fragment, not at the site root', async () => {
    const { link } = await render();
    expect(link.getAttribute('href')).toBe('/assessments/a1?tab=x#section-scope');
  });

  it('a click stays on the page through the router and lands on the part, also when the address already names it', async () => {
    const { router, link } = await render();
    const click = () => link.dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true, button: 0 }));

    const first = new MouseEvent('click', { bubbles: true, cancelable: true, button: 0 });
    link.dispatchEvent(first);
    expect(first.defaultPrevented).toBe(true);
    await new Promise((resolve) => setTimeout(resolve));
    expect(router.url).toBe('/assessments/a1?tab=x#section-scope');

    // The person scrolled away and chooses the same part again: the router navigates anyway.
    const navigate = jest.spyOn(router, 'navigateByUrl');
    click();
    await new Promise((resolve) => setTimeout(resolve));
    expect(navigate).toHaveBeenCalledWith(expect.anything(), { onSameUrlNavigation: 'reload' });
    expect(router.url).toBe('/assessments/a1?tab=x#section-scope');
  });

  it('leaves a Ctrl-click (new tab) to the browser', async () => {
    const { link } = await render();
    const event = new MouseEvent('click', { bubbles: true, cancelable: true, button: 0, ctrlKey: true });
    link.dispatchEvent(event);
    expect(event.defaultPrevented).toBe(false);
  });
});
