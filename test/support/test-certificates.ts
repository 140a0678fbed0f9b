import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

export interface TestCertificates {
  /** A certificate authority of our own: trusted only when a test adds it. */
  caCert: string;
  /** Signed by the CA, for `hostname`, localhost and 127.0.0.1. */
  serverKey: string;
  serverCert: string;
  /** Self-signed, for localhost and 127.0.0.1. */
  selfSignedKey: string;
  selfSignedCert: string;
  dir: string;
  remove(): void;
}

/**
 * Makes a CA, a server certificate it signs and a self-signed one, with openssl, in a fresh
 * temporary directory (nothing is committed). EC keys keep it fast.
 */
export function makeTestCertificates(hostname: string): TestCertificates {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'trunkline-certs-'));
  const file = (name: string) => path.join(dir, name);
  const openssl = (...args: string[]) => execFileSync('openssl', args, { cwd: dir, stdio: ['ignore', 'ignore', 'pipe'] });
  const san = `subjectAltName=DNS:${hostname},DNS:localhost,IP:127.0.0.1`;
  const ecKey = (name: string) => openssl('genpkey', '-algorithm', 'EC', '-pkeyopt', 'ec_paramgen_curve:P-256', '-out', file(name));

  ecKey('ca.key');
  openssl('req', '-x509', '-new', '-key', file('ca.key'), '-sha256', '-days', '2', '-subj', '/CN=Trunkline Test CA', '-addext', 'basicConstraints=critical,CA:TRUE', '-addext', 'keyUsage=critical,keyCertSign,cRLSign', '-out', file('ca.pem'));
  ecKey('server.key');
  openssl('req', '-new', '-key', file('server.key'), '-subj', `/CN=${hostname}`, '-out', file('server.csr'));
  fs.writeFileSync(file('server.ext'), `${san}\nbasicConstraints=CA:FALSE\nextendedKeyUsage=serverAuth\n`);
  openssl('x509', '-req', '-in', file('server.csr'), '-CA', file('ca.pem'), '-CAkey', file('ca.key'), '-CAcreateserial', '-days', '2', '-sha256', '-extfile', file('server.ext'), '-out', file('server.pem'));
  ecKey('self.key');
  openssl('req', '-x509', '-new', '-key', file('self.key'), '-sha256', '-days', '2', '-subj', '/CN=localhost', '-addext', 'subjectAltName=DNS:localhost,IP:127.0.0.1', '-out', file('self.pem'));

  const read = (name: string) => fs.readFileSync(file(name), 'utf8');
  return {
    caCert: read('ca.pem'),
    serverKey: read('server.key'),
    serverCert: read('server.pem'),
    selfSignedKey: read('self.key'),
    selfSignedCert: read('self.pem'),
    dir,
    remove: () => fs.rmSync(dir, { recursive: true, force: true }),
  };
}
