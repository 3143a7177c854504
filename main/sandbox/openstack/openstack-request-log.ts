import { StandInRequestLog } from '../shared/request-log';

/** One request as the stand-in saw it. Never a password, secret or token: only who it resolved to. */
export interface OpenStackRequest {
  seq: number;
  receivedAt: Date;
  service: 'keystone' | 'glance' | 'nova' | 'neutron' | 'unknown';
  method: string;
  /** Path without the query, e.g. /regionone/image/v2/images */
  path: string;
  query: Record<string, string>;
  region: string | null;
  /** The user the token or credentials resolved to, when they did. */
  userName: string | null;
  /** The fault served, if one was. */
  fault: string | null;
  /** 0 when the client went away (or the connection was cut on purpose) before an answer. */
  status: number;
}

/** The Keystone/Glance stand-in's log, filtered by any predicate. */
export class OpenStackRequestLog extends StandInRequestLog<OpenStackRequest> {
  entries(filter: (request: OpenStackRequest) => boolean = () => true): OpenStackRequest[] {
    return this.matching(filter);
  }
}
