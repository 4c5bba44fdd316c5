// Dev-server proxy: the web app calls relative `/api/...` URLs; in development they go to the API.
// Override the target with LAVA_API_URL (e.g. when the API runs in a container).
const target = process.env.LAVA_API_URL || 'http://127.0.0.1:3000';

export default {
  '/api': {
    target,
    secure: false,
    changeOrigin: true,
    logLevel: 'warn',
  },
};
