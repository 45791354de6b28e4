/** A token minted with Server-to-Server OAuth (account_credentials grant). */
export interface ZoomAccessToken {
  accessToken: string;
  /** Epoch milliseconds. */
  expiresAt: number;
  /** Epoch milliseconds: the token's lifetime is expiresAt - mintedAt. */
  mintedAt: number;
  scopes: string[];
}

/** What minting needs: the account and the app's client credentials, the secret decrypted. */
export interface ZoomClientCredentials {
  accountId: string;
  clientId: string;
  clientSecret: string;
}
