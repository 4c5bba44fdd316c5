import { spawn, spawnSync } from 'node:child_process';
import { Redis } from 'ioredis';

export const HOW_TO_GET_REDIS = [
  'Lava needs Redis (the queue behind notifications). Either set REDIS_URL to a Redis you have, or install one:',
  '  Debian/Ubuntu:  sudo apt-get install -y redis-server',
  '  macOS:          brew install redis && brew services start redis',
  '  Docker:         docker run -d --name lava-redis -p 6379:6379 redis:8-alpine',
  'With redis-server on the PATH, `npm start` starts one for the session by itself.',
].join('\n');

export async function redisAnswers(url) {
  const client = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 0, connectTimeout: 2000, retryStrategy: () => null });
  client.on('error', () => undefined);
  try {
    await client.connect();
    return (await client.ping()) === 'PONG';
  } catch {
    return false;
  } finally {
    client.disconnect();
  }
}

/**
 * Uses the Redis at `url` if it answers; otherwise, for a local URL, starts `redis-server`
 * from the PATH for this session. Returns a stop function (a no-op for a Redis we did not start),
 * or throws with instructions.
 */
export async function ensureRedis(url, log) {
  if (await redisAnswers(url)) return async () => undefined;
  const { hostname, port } = new URL(url);
  const local = ['127.0.0.1', 'localhost', '::1', '[::1]'].includes(hostname);
  const hasServer = spawnSync('redis-server', ['--version'], { stdio: 'ignore' }).status === 0;
  if (!local || !hasServer) throw new Error(`Nothing answers at REDIS_URL=${url}.\n${HOW_TO_GET_REDIS}`);

  log(`Starting redis-server on port ${port || 6379} for this session (nothing is kept on disk)`);
  const child = spawn('redis-server', ['--port', port || '6379', '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], {
    stdio: 'ignore',
  });
  for (let i = 0; i < 50; i++) {
    if (await redisAnswers(url)) {
      return async () => {
        child.kill('SIGTERM');
      };
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  child.kill('SIGKILL');
  throw new Error(`redis-server did not start on port ${port || 6379}.\n${HOW_TO_GET_REDIS}`);
}
