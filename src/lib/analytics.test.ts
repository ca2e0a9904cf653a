import { describe, expect, it } from 'vitest';
import { analyticsOrigin, connectSources, pageviewEvent } from './analytics';

const config = { endpoint: 'https://plausible.io/api/event', domain: 'voz.us' };

describe('analytics in the Content Security Policy', () => {
  it('allows only the site when analytics is off', () => {
    expect(connectSources(undefined)).toEqual(["'self'"]);
  });

  it('adds the exact origin of the endpoint when on, without its path', () => {
    expect(connectSources(config)).toEqual(["'self'", 'https://plausible.io']);
    expect(analyticsOrigin({ ...config, endpoint: 'https://stats.voz.us:8443/api/event' })).toBe(
      'https://stats.voz.us:8443',
    );
  });

  it('refuses an endpoint that is not https', () => {
    expect(() => analyticsOrigin({ ...config, endpoint: 'http://plausible.io/api/event' })).toThrow(
      'must be an https URL',
    );
  });
});

describe('pageviewEvent', () => {
  const page = { href: 'https://voz.us/es/', referrer: '', globalPrivacyControl: undefined };

  it.each([
    ['a browser without Global Privacy Control', undefined, true],
    ['a browser with Global Privacy Control off', false, true],
    ['a browser with Global Privacy Control on', true, false],
  ])('counts a page view from %s: %s', (_name, gpc, counted) => {
    const event = pageviewEvent({ ...page, globalPrivacyControl: gpc }, 'voz.us');
    expect(event !== undefined).toBe(counted);
  });

  it('sends the page, the site and where the reader came from', () => {
    expect(pageviewEvent({ ...page, referrer: 'https://news.example/' }, 'voz.us')).toEqual({
      name: 'pageview',
      url: 'https://voz.us/es/',
      domain: 'voz.us',
      referrer: 'https://news.example/',
    });
  });
});
