package io.popoto.sql.redis;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.Pipeline;
import redis.clients.jedis.commands.ProtocolCommand;

/**
 * A file of RESP commands, as {@code redis-cli --pipe} takes it (the fixture's
 * {@code load.redis}). Replayed through a Jedis pipeline, so no {@code redis-cli} is needed.
 */
public final class RespScript {
  private final List<byte[][]> commands;

  private RespScript(List<byte[][]> commands) {
    this.commands = commands;
  }

  public static RespScript parse(InputStream in) throws IOException {
    byte[] data = in.readAllBytes();
    List<byte[][]> commands = new ArrayList<>();
    int[] pos = {0};
    while (pos[0] < data.length) {
      expect(data, pos, (byte) '*');
      int n = readInt(data, pos);
      byte[][] args = new byte[n][];
      for (int i = 0; i < n; i++) {
        expect(data, pos, (byte) '$');
        int len = readInt(data, pos);
        args[i] = Arrays.copyOfRange(data, pos[0], pos[0] + len);
        pos[0] += len + 2;
      }
      commands.add(args);
    }
    return new RespScript(commands);
  }

  public List<byte[][]> commands() {
    return commands;
  }

  /** Sends every command in one pipeline; returns the number of replies. */
  public int replay(Jedis jedis) {
    Pipeline p = jedis.pipelined();
    for (byte[][] c : commands) {
      ProtocolCommand name = () -> c[0];
      p.sendCommand(name, Arrays.copyOfRange(c, 1, c.length));
    }
    return p.syncAndReturnAll().size();
  }

  private static void expect(byte[] data, int[] pos, byte b) throws IOException {
    if (data[pos[0]] != b) {
      throw new IOException("Malformed RESP at byte " + pos[0] + ": expected '" + (char) b + "'");
    }
    pos[0]++;
  }

  private static int readInt(byte[] data, int[] pos) {
    ByteArrayOutputStream digits = new ByteArrayOutputStream();
    while (data[pos[0]] != '\r') {
      digits.write(data[pos[0]++]);
    }
    pos[0] += 2;
    return Integer.parseInt(digits.toString());
  }
}
