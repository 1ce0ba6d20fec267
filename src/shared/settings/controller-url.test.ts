import { describe, expect, it } from 'vitest';
import { problemMessage } from '../errors/problems';
import { ControllerUrlSchema, isAllowedControllerUrl } from './controller-url';

describe('where the API token may be sent', () => {
  it('https anywhere; plain http only to this machine; never with credentials in the URL', () => {
    for (const url of [
      'https://controller.operationscommander.io',
      'https://10.0.0.5:8443/opscom',
      'http://127.0.0.1:18080',
      'http://127.8.9.10',
      'http://localhost:18080',
      'http://[::1]:18080',
    ]) {
      expect(isAllowedControllerUrl(url), url).toBe(true);
    }
    for (const url of [
      'http://controller.operationscommander.io',
      'http://10.0.0.5',
      'http://127.0.0.1.evil.example',
      'http://localhost.evil.example',
      'ftp://127.0.0.1',
      'https://user:pass@controller.example',
      'not a url',
    ]) {
      expect(isAllowedControllerUrl(url), url).toBe(false);
    }
    const code = ControllerUrlSchema.safeParse('http://controller.example').error?.issues[0]?.message;
    expect(code).toBe('url-rule');
    expect(problemMessage({ code: 'url-rule' })).toMatch(/must start with https:\/\//);
  });
});
