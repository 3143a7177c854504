import { SignatureV4 } from '@smithy/signature-v4';
import { NodeSha256 } from '../../main/sandbox/node-sha256';

export interface RawListing {
  pages: number;
  images: number;
  /** A few fields per image, enough to prove the parse read each one. */
  names: number;
}

const between = (text: string, open: string, close: string, from: number): [string, number] | null => {
  const start = text.indexOf(open, from);
  if (start === -1) return null;
  const end = text.indexOf(close, start + open.length);
  return end === -1 ? null : [text.slice(start + open.length, end), end + close.length];
};

/**
 * The floor for a sync: DescribeImages paged by hand over fetch, each request signed with the
 * SDK's own SigV4 signer, each page read with indexOf for the image ids, names and the next token
 * (no XML parser, no object model). What the SDK driver is measured against.
 */
export async function rawDescribeImages(
  endpoint: string,
  credentials: { accessKeyId: string; secretAccessKey: string },
  region: string,
  owner: string,
): Promise<RawListing> {
  const url = new URL(endpoint);
  const signer = new SignatureV4({ service: 'ec2', region, credentials, sha256: NodeSha256 });
  let token: string | undefined;
  const listing: RawListing = { pages: 0, images: 0, names: 0 };
  do {
    const form = new URLSearchParams({
      Action: 'DescribeImages',
      Version: '2016-11-15',
      'Owner.1': owner,
      IncludeDeprecated: 'true',
      MaxResults: '1000',
      ...(token ? { NextToken: token } : {}),
    });
    const body = form.toString();
    const signed = await signer.sign({
      method: 'POST',
      protocol: url.protocol,
      hostname: url.hostname,
      port: Number(url.port),
      path: '/',
      query: {},
      headers: { host: url.host, 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' },
      body,
    });
    const response = await fetch(endpoint, { method: 'POST', headers: signed.headers, body });
    const xml = await response.text();
    if (!response.ok) throw new Error(`DescribeImages answered ${response.status}: ${xml.slice(0, 200)}`);
    listing.pages += 1;
    for (let at = 0; ;) {
      const id = between(xml, '<imageId>', '</imageId>', at);
      if (!id) break;
      listing.images += 1;
      const name = between(xml, '<name>', '</name>', id[1]);
      if (name) listing.names += 1;
      at = id[1];
    }
    token = between(xml, '<nextToken>', '</nextToken>', 0)?.[0];
  } while (token);
  return listing;
}
