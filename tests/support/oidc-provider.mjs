// A real OpenID provider for the tests (npm oidc-provider), standing in for ProConnect.
// Usage: node oidc-provider.mjs PORT REDIRECT_URI ; prints "ready" when listening.
// Any login name is accepted on its development login page; the account's e-mail is the
// login name, verified. Its development login gives no amr (no second factor).
import Provider from 'oidc-provider';

const [port, redirect] = process.argv.slice(2);
const issuer = `http://127.0.0.1:${port}`;
const provider = new Provider(issuer, {
  clients: [
    {
      client_id: 'vigie',
      client_secret: 'vigie-test-secret',
      redirect_uris: [redirect],
      grant_types: ['authorization_code'],
      response_types: ['code'],
      token_endpoint_auth_method: 'client_secret_basic',
    },
  ],
  pkce: { required: () => true },
  claims: { openid: ['sub'], email: ['email', 'email_verified'] },
  scopes: ['openid', 'email', 'given_name', 'usual_name'],
  features: { devInteractions: { enabled: true } },
  cookies: { keys: ['test-cookie-key'] },
  async findAccount(_ctx, id) {
    const email = id;
    return {
      accountId: id,
      async claims() {
        return { sub: id, email, email_verified: true };
      },
    };
  },
  conformIdTokenClaims: false,
});
provider.listen(Number(port), '127.0.0.1', () => console.log('ready'));
