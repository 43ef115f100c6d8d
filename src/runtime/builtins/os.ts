/** `require('os')`: a fixed, host-free description of an app's machine (Linux, like RC's servers). */
export function createOs(): Record<string, unknown> {
  return {
    EOL: '\n',
    platform: () => 'linux',
    type: () => 'Linux',
    arch: () => 'x64',
    release: () => '6.0.0-hookscope',
    hostname: () => 'hookscope',
    homedir: () => '/home/app',
    tmpdir: () => '/tmp',
    endianness: () => 'LE',
    uptime: () => 0,
    loadavg: () => [0, 0, 0],
    totalmem: () => 1024 * 1024 * 1024,
    freemem: () => 512 * 1024 * 1024,
    cpus: () => [],
    networkInterfaces: () => ({}),
    userInfo: () => ({ uid: 1000, gid: 1000, username: 'app', homedir: '/home/app', shell: null }),
    constants: { signals: {}, errno: {} },
  };
}
