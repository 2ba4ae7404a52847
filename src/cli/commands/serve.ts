// zhenggai serve [--db <file>] [--port 8080] [--host 127.0.0.1] [--data <dir>] [--demo] [--behind-https]
import type { Argv } from 'yargs';
import type { Runner } from '../options.js';

export function serveCommand(yargs: Argv, run: Runner): Argv {
  return yargs.command(
    'serve',
    '启动办公室的网页工作台（数据库保存方案、进展与账户）/ Start the office workbench web server',
    (y) =>
      y
        .option('db', { type: 'string', default: 'zhenggai.db', describe: 'SQLite 数据库文件（不存在时创建）/ the database file' })
        .option('data', { type: 'string', describe: '数据文件夹（佐证材料等；默认为数据库旁的 zhenggai-data）/ the data folder' })
        .option('port', { type: 'number', default: 8080, describe: '端口 / port' })
        .option('host', { type: 'string', default: '127.0.0.1', describe: '监听地址（默认只允许本机访问）/ address to listen on' })
        .option('demo', { type: 'boolean', default: false, describe: '演示模式：载入自带方案和演示账户 / demo: the bundled plan and demo accounts' })
        .option('behind-https', { type: 'boolean', default: false, describe: '在本机的 HTTPS 反向代理之后运行 / behind an HTTPS reverse proxy on this machine' }),
    (args) =>
      run(async (io) => {
        const { startServer } = await import('../../server/serve.js');
        const server = await startServer({ db: args.db, data: args.data, port: args.port, host: args.host, demo: args.demo, behindHttps: args.behindHttps }, io);
        await new Promise<void>((resolve) => {
          const stop = () => {
            process.off('SIGINT', stop);
            process.off('SIGTERM', stop);
            io.out('正在停止服务…');
            void server.close().then(resolve, resolve);
          };
          process.on('SIGINT', stop);
          process.on('SIGTERM', stop);
        });
        return 0;
      }),
  );
}
