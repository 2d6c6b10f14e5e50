/**
 * The bench's reference: a plain Apollo Gateway in Apollo Server 5 with no plugins and no
 * defences, serving the supergraph at SUPERGRAPH_PATH, as a new user would set it up.
 */
import { readFileSync } from 'node:fs';
import { ApolloGateway } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';

const supergraphPath = process.env['SUPERGRAPH_PATH'];
if (!supergraphPath) throw new Error('SUPERGRAPH_PATH must be set');
const gateway = new ApolloGateway({ supergraphSdl: readFileSync(supergraphPath, 'utf8') });
const server = new ApolloServer({ gateway });
const { url } = await startStandaloneServer(server, { listen: { host: '127.0.0.1', port: 0 } });
process.send?.({ event: 'listening', port: Number(new URL(url).port) });
process.on('SIGTERM', () => {
  void server.stop().then(() => process.exit(0));
});
