import { TestBed } from '@angular/core/testing';
import { Router, provideRouter } from '@angular/router';
import { Component } from '@angular/core';
import { linkTokenFrom, tokenToFragment } from './link-token';

@Component({ template: '' })
class Blank {}

describe('link tokens in the fragment', () => {
  it('reads the token from #token=…, and nothing from an empty or foreign fragment', () => {
    expect(linkTokenFrom('token=Abc_12-x')).toBe('Abc_12-x');
    expect(linkTokenFrom('top&token=Abc')).toBe('Abc');
    expect(linkTokenFrom('token=')).toBeNull();
    expect(linkTokenFrom('main')).toBeNull();
    expect(linkTokenFrom(null)).toBeNull();
  });

  it('moves an old link’s token from the path into the fragment', async () => {
    TestBed.configureTestingModule({
      providers: [
        provideRouter([
          { path: 'invitation', component: Blank },
          { path: 'invitation/:token', redirectTo: tokenToFragment('/invitation') },
        ]),
      ],
    });
    const router = TestBed.inject(Router);
    await router.navigateByUrl('/invitation/k3J9_secret-token');
    expect(router.url).toBe('/invitation#token=k3J9_secret-token');
  });
});
