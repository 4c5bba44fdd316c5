import { crossSiteRequest } from './same-site';

const WEB = 'https://lava.kotka.example';

describe('crossSiteRequest', () => {
  it('trusts Fetch Metadata: same-origin and typed-in pass, cross-site never', () => {
    expect(crossSiteRequest({ 'sec-fetch-site': 'same-origin' }, WEB)).toBe(false);
    expect(crossSiteRequest({ 'sec-fetch-site': 'none' }, WEB)).toBe(false);
    expect(crossSiteRequest({ 'sec-fetch-site': 'cross-site', origin: WEB }, WEB)).toBe(true);
    expect(crossSiteRequest({ 'sec-fetch-site': 'Cross-Site' }, WEB)).toBe(true);
  });

  it('lets a same-site request through only from the web app itself (the API on a sibling host)', () => {
    expect(crossSiteRequest({ 'sec-fetch-site': 'same-site', origin: WEB }, `${WEB}/`)).toBe(false);
    expect(crossSiteRequest({ 'sec-fetch-site': 'same-site', origin: 'https://evil.kotka.example' }, WEB)).toBe(true);
    expect(crossSiteRequest({ 'sec-fetch-site': 'same-site' }, WEB)).toBe(true);
  });

  it('without Fetch Metadata, goes by Origin: the web app or the address asked, else refused', () => {
    expect(crossSiteRequest({}, WEB)).toBe(false);
    expect(crossSiteRequest({ origin: WEB, host: 'api.internal:3000' }, WEB)).toBe(false);
    expect(crossSiteRequest({ origin: 'http://127.0.0.1:5400', host: '127.0.0.1:5400' }, WEB)).toBe(false);
    expect(crossSiteRequest({ origin: 'https://evil.example', host: 'lava.kotka.example' }, WEB)).toBe(true);
    expect(crossSiteRequest({ origin: 'null', host: 'lava.kotka.example' }, WEB)).toBe(true);
    expect(crossSiteRequest({ origin: 'not a url', host: 'lava.kotka.example' }, WEB)).toBe(true);
  });
});
