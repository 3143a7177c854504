/** Public AMI publishers the sandbox seeds, with the account ids and aliases EC2 really uses. */
export const CANONICAL_OWNER_ID = '099720109477';
export const AMAZON_OWNER_ID = '137112412989';
export const WINDOWS_OWNER_ID = '801119661308';
export const MARKETPLACE_OWNER_ID = '679593333241';
export const DEBIAN_OWNER_ID = '136693071363';
export const REDHAT_OWNER_ID = '309956199498';

/** Owner aliases EC2 accepts in `Owner.N` besides `self` and 12-digit ids. */
export const OWNER_ALIASES = ['amazon', 'aws-marketplace', 'aws-backup-vault'] as const;
