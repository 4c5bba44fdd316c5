import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { FragmentLanding } from './fragment-landing';

describe('FragmentLanding', () => {
  let landing: FragmentLanding;

  beforeEach(() => {
    jest.useFakeTimers();
    TestBed.configureTestingModule({ providers: [provideRouter([])] });
    landing = TestBed.inject(FragmentLanding);
  });

  afterEach(() => {
    jest.useRealTimers();
    document.body.innerHTML = '';
  });

  it('waits for the part a link points at to appear, then focuses it', async () => {
    landing.land('consultation');
    const section = document.createElement('section');
    section.id = 'consultation';
    document.body.appendChild(section);
    await Promise.resolve(); // the MutationObserver's callback
    jest.runOnlyPendingTimers();
    expect(document.activeElement).toBe(section);
    expect(section.getAttribute('tabindex')).toBe('-1');
  });

  it("moves the focus to the part's heading, so a screen reader reads where the person landed", async () => {
    const section = document.createElement('section');
    section.id = 'section-evidence';
    section.innerHTML = '<p>Intro</p><h2>Evidence</h2><input aria-label="Source">';
    document.body.appendChild(section);
    landing.land('section-evidence');
    jest.runOnlyPendingTimers();
    const heading = section.querySelector('h2');
    expect(document.activeElement).toBe(heading);
    expect(heading?.getAttribute('tabindex')).toBe('-1');
  });

  it('gives up after a while: a part that appears much later does not steal the focus', async () => {
    landing.land('section-scope');
    jest.advanceTimersByTime(10_001);
    const section = document.createElement('section');
    section.id = 'section-scope';
    document.body.appendChild(section);
    await Promise.resolve();
    jest.runOnlyPendingTimers();
    expect(document.activeElement).not.toBe(section);
  });
});
