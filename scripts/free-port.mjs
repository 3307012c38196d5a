// A free TCP port on loopback, for servers the tests and the bench start where the port must be known beforehand
// (a load balancer's configuration names its replicas' ports, and a restarted replica comes back on its own).
import net from 'node:net';

/** @returns {Promise<number>} */
export const freePort = () =>
  new Promise((resolve, reject) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = /** @type {net.AddressInfo} */ (s.address());
      s.close(() => resolve(port));
    });
    s.on('error', reject);
  });
