import { Component, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { Router, provideRouter } from '@angular/router';
import { translocoTesting } from '../../../testing/translations';
import { SAVE_BEFORE_LEAVING_MS, UnsavedWorkRegistry, askBeforeLeaving, registerUnsavedWork, unsavedWorkGuard } from './unsaved-work';

const ASKED = 'Some of your changes are not saved. If you leave now, they are lost. Leave anyway?';

/** An editor as a page has one: its text is unsaved until `saved` is set. */
@Component({ selector: 'lava-test-editor', template: '' })
class TestEditor {
  readonly unsaved = signal(false);
  constructor() {
    registerUnsavedWork({ unsaved: () => this.unsaved() });
  }
}

@Component({ selector: 'lava-test-other', template: '' })
class OtherPage {}

function setUp() {
  TestBed.configureTestingModule({
    imports: [translocoTesting()],
    providers: [
      provideRouter(
        askBeforeLeaving([
          { path: 'editor', component: TestEditor },
          { path: 'other', component: OtherPage },
          { path: 'lazy', children: [{ path: 'page', component: OtherPage }] },
        ]),
      ),
    ],
  });
  return TestBed.inject(UnsavedWorkRegistry);
}

function beforeUnload(): Event {
  const event = new Event('beforeunload', { cancelable: true });
  window.dispatchEvent(event);
  return event;
}

describe('UnsavedWorkRegistry', () => {
  let confirm: jest.SpyInstance<boolean, [message?: string]>;

  beforeEach(() => {
    confirm = jest.spyOn(window, 'confirm').mockReturnValue(false);
  });

  afterEach(() => {
    confirm.mockRestore();
    jest.useRealTimers();
  });

  it('lets the person leave without asking while nothing is unsaved', async () => {
    const registry = setUp();
    const text = signal('');
    registry.register({ unsaved: () => text() !== '' });
    await expect(registry.confirmLeave()).resolves.toBe(true);
    expect(confirm).not.toHaveBeenCalled();
    expect(beforeUnload().defaultPrevented).toBe(false);
  });

  it('asks, in the page language, while something typed is not saved; staying answers false', async () => {
    const registry = setUp();
    const text = signal('half a comment');
    registry.register({ unsaved: () => text() !== '' });
    await expect(registry.confirmLeave()).resolves.toBe(false);
    expect(confirm).toHaveBeenCalledWith(ASKED);
    confirm.mockReturnValue(true);
    await expect(registry.confirmLeave()).resolves.toBe(true);
  });

  it('saves what can be saved first and asks only when the save did not take it all', async () => {
    const registry = setUp();
    let pending = true;
    const save = jest.fn(async () => {
      pending = false;
      return true;
    });
    registry.register({ unsaved: () => pending, save });
    await expect(registry.confirmLeave()).resolves.toBe(true);
    expect(save).toHaveBeenCalledTimes(1);
    expect(confirm).not.toHaveBeenCalled();

    // A save that fails (the API refused it, the network is down) leaves the work unsaved: ask.
    pending = true;
    save.mockImplementation(async () => false);
    await expect(registry.confirmLeave()).resolves.toBe(false);
    expect(confirm).toHaveBeenCalledTimes(1);
  });

  it('does not wait for a save that hangs longer than SAVE_BEFORE_LEAVING_MS: it asks', async () => {
    jest.useFakeTimers();
    const registry = setUp();
    registry.register({ unsaved: () => true, save: () => new Promise<boolean>(() => undefined) });
    const answer = registry.confirmLeave();
    await jest.advanceTimersByTimeAsync(SAVE_BEFORE_LEAVING_MS);
    await expect(answer).resolves.toBe(false);
    expect(confirm).toHaveBeenCalledTimes(1);
  });

  it('a registration ends with its remover; allowNextLeave passes one leave without asking', async () => {
    const registry = setUp();
    const remove = registry.register({ unsaved: () => true });
    registry.allowNextLeave();
    await expect(registry.confirmLeave()).resolves.toBe(true);
    await expect(registry.confirmLeave()).resolves.toBe(false);
    remove();
    expect(registry.unsaved()).toBe(false);
  });

  it('makes the browser ask on reload or closing the tab, and starts the saves meanwhile', () => {
    const registry = setUp();
    const save = jest.fn(async () => true);
    registry.register({ unsaved: () => true, save });
    registry.register({ unsaved: () => false, save: jest.fn() });
    expect(beforeUnload().defaultPrevented).toBe(true);
    expect(save).toHaveBeenCalledTimes(1);
  });
});

describe('unsavedWorkGuard on the routes', () => {
  let confirm: jest.SpyInstance<boolean, [message?: string]>;

  beforeEach(() => {
    confirm = jest.spyOn(window, 'confirm').mockReturnValue(false);
  });

  afterEach(() => confirm.mockRestore());

  it('askBeforeLeaving puts the guard on every page, nested ones included', () => {
    const routes = askBeforeLeaving([
      { path: 'a', component: OtherPage },
      { path: 'b', loadComponent: () => Promise.resolve(OtherPage), canDeactivate: [() => true] },
      { path: 'c', children: [{ path: 'd', component: OtherPage }] },
      { path: '', pathMatch: 'full', redirectTo: 'a' },
    ]);
    expect(routes[0].canDeactivate).toEqual([unsavedWorkGuard]);
    expect(routes[1].canDeactivate).toHaveLength(2);
    expect(routes[2].canDeactivate).toBeUndefined();
    expect(routes[2].children?.[0].canDeactivate).toEqual([unsavedWorkGuard]);
    expect(routes[3].canDeactivate).toBeUndefined();
  });

  it('keeps the person on a page whose editor has unsaved work unless they choose to leave; a destroyed editor no longer counts', async () => {
    setUp();
    const router = TestBed.inject(Router);
    const fixture = TestBed.createComponent(TestEditor);
    fixture.componentInstance.unsaved.set(true);
    await router.navigateByUrl('/editor');
    await expect(router.navigateByUrl('/other')).resolves.toBe(false);
    expect(router.url).toBe('/editor');
    expect(confirm).toHaveBeenCalledWith(ASKED);

    confirm.mockReturnValue(true);
    await expect(router.navigateByUrl('/lazy/page')).resolves.toBe(true);
    expect(router.url).toBe('/lazy/page');

    confirm.mockClear();
    fixture.destroy();
    await expect(router.navigateByUrl('/other')).resolves.toBe(true);
    expect(confirm).not.toHaveBeenCalled();
  });
});
