/**
 * The LZMA decoder (src/zh/lzma.ts) beyond the dictionaries it ships with: streams of other literal and
 * position settings (the build may change them).
 */
import { expect } from 'chai';
import { lzmaDecode } from '../src/zh/lzma.js';

/** 1,000 xorshift32 bytes (seed 1), the same again, 500 zeros, the first 300 again. */
function sample(): number[] {
  let x = 1;
  const next = () => {
    x ^= x << 13;
    x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5;
    x >>>= 0;
    return x & 255;
  };
  const a = Array.from({ length: 1000 }, next);
  return [...a, ...a, ...new Array<number>(500).fill(0), ...a.slice(0, 300)];
}

// `sample()` compressed by python3's lzma module (FORMAT_ALONE, LZMA1 preset 9 with the lc/lp/pb named,
// dict_size 2^16), the header's size field then set to 2,800 (python writes "unknown" and an end marker).
const STREAMS: [string, string][] = [
  ['lc=4 lp=0 pb=1', 'MQAAAQDwCgAAAAAAAAAQgFWm9WBd3Lfoful7yOU3EGVX3qucwjbDTIRWZvLLGItJnINZqX4jXruoU9WMvPbTpkXd/ZA4PFVvfFWJG3UV9FSejwLk+XfOFgTzOS+6kJLjAxLUjAMfXaaaasljI87M5OdkVxqya1btv7FlAsOU9vudavRbgFF/0kEpf1PtWJ6ZE7HR+nC1pA5+LriW125r+j58sPb/mHSqgiI1+jwu9KQJX7gmC0j1qp0jSulj+ymwvpkwe3s6iW1XrEOm/pd/o7Tnx5ECUpcQW3RnBCL41O7tIny27EWykUl22QoTO7x3j4n8yCM/Jifi+gZe/6U4lkB8ZFDCaCcIyj4LE52cEUBr9g83wtlrq25Q8LDe5OnGkxdWRLw92SrvH9asKYdTEP3b/Q4nHuFzTJ8uuDXADAw2J+bJtFkW5KW8zrrVjxS6iHSToyq7iO4fPERIe98qjlcYmr97/g3cRK9eqJ9lko+GqMe9n+d1VyD9TR55ITQbzxrF7EJqwIUXJ/aYmXnIqiLwq1k7a7r/ZTJFjsUWQyWK+ZHas8D+jmqzmTGAEIuRj2zoDpYOGnTTQVxtL83g/RN4j/fnXErzRTSKr7VQUXp41CGyGyMxwB7W+fr8ycNiwRXaMxccqKzzjeaqruYV6unM63sF2KD7QtrQp9e28vxzkz7rIfN/v6C9Jm66z4LfI8H/DE3sF2T60j5YiVvgjKZc33OKPZ/avOC15MaceDHUFYZr958tLasDfWxKcUcj1KXdezImlIdBAuDHM3lscW7QaVE19xTMx4wXZAmumvI/BKj/PPoNk95KobZrKiOg5vvK/hpgIlRfzps3PMCjglO4P2aLyYZjuF4ObRHif8okM2F4yNU3F4xL4AHlBSgQ5jbsS7uqedZjGbgS39se5wFxb/oVwtyWAdtpDiiunuA6YdYQTh4XsvENBjNPrUujBRNCtyJRFGjOb6cQ8EexIIFYQ9bAVduyWZn/8dNDYXWJnUz3LUs7t0iVXWB8LqkKfCAJ7x6KunQZNvw6eIHiw0OpEL2g9BU01+b0u7Y/W6DqJtyLwFLZ2rrrfG+atZmmnygd7Bw+AZqej0POz43PEVwGapiiLGjLrcyDjpbGwkwQpymiaHe9iBhQs2VmVvr44FWztGzEijFzOhiE6REaeVtKBjiZIRXIVLoLrDa2P5Z3sA7TsKJmi87/cZvn7d8/LDOG6xE9KSQse3KoRfCMS9e7JUtYjj9rPPFWHUWfA+Q+fDxTD85pMJkR78DPLHsg7p1arkKCi5bw2qUPGGGwtGu0ufkFQ/xDYhs2QdD7UmC4jz4LxZ/Cd5ZLIKY0prlXLS+6Ve6gbx9ZfsUNdgxUzoBUyH1AiDLjdObOKQFIHuhQzGKZ8FVfr1//8q7rTw=='],
  ['lc=0 lp=2 pb=3', 'mQAAAQDwCgAAAAAAAAAQgFSk9pbr/+qzO6Lxx14FewNodszad7tqqYaMNIPwQUDp/I7dV7oEslgWMm/fuN9KOeFYSgHysmf/uLbaI67YUpWeGDRYtUP0BVG7s6B9eGNUJRk9H6TDo/W1hazb5jKa5PuVcY6itiSjPQID7juefwCkyFuxDEyBOcyW+H1X9ZebEe8v+4xIVUlTWRyGbJPCVzYTjqX76eX05GIjC54o96CEXkiKxndPtLNxQL2PP2bcwPtIXnlKBg+QUkecz4JWZ+V9BAxwlA+esOSGxoesqYMUPXPuVjyEaXtHtw/lfF9//+VB37DXFiMIaAD2H1T7rexY9n5UjeWwTyNPAHNyS3YpBdIYEfsIhpiko+TBn8iumT4KO5cdYqskOlAYm/+RJkNVEZrRnFrWIxqK9L21BWxwbOxeth9WMUFH67Pk7nM0fxSd8XSborjSaa+ZofjijpNzRABuvNx/E/qXt/XMecWFyuTa0yBsXi03X7J5RBII4YhEV/zS+7A9G01A6EC32GQnFd/q+o12zErq4PFFxuFoPFuKYUAGTbKe3Ivy5b5pHERMCUQCNYVQPBfuQ4g9Ufx9eT/QuWnGf/lCQtSquAF4V6TERQ3N/+0ScbUMlo1U9CmpWTFtWgJ3PXSjwVnfkYzZ5UpV1NJez0OBwnqK4idsGdZ+X0qIuzwihAZH/CqaPs5v5Aed+vkX4zMGulhUZGNgXOz+DwzSs12GPqjk/ljMivQWfmAuuImNCtA+ASLa31aKRxx8vQN0cnIz+AgvymujDT5q/MWRl+Tc2sGh7yI2+PK3e3yIO5AclTgkXJU5oxjmo6E6Xwgy11Qv87back7viaqasvqdKyfSPOaJO1HHD+QflaBMJmXzkaICT/ETTsflLUfwxDDxJDG8rV+UWuWAyb1TcApDHdbcq4qFi4VIPRuAqXimGRCVjzqfimmJiEryj1yVHxMeUuYjUsTc/058cm2z6ahOxM/o0KgjiVl79+1DXslK/mUVfICLpM/oCsWwM2g179mJc5ZDC7a8jizjElq3kiBWTwUKyy1/JETAtzETqrFpIAJxM9L5aHVZnSj/T6ksfW+a5uVpZGI1Ch+kETOmKQ4MNJMKWOp6T/U0u622sZekOxLxO9qDi6AfkN6VlODm5FraiSgIKdoMZFmbbH4rt2MT3AOF/SyI85cthxau45ElLC9NmvgIcdNXj49tLgupfWPjXpZJ6y3Josh9w4oUmVCFM3a0Ibykx6XsO012b1Y7Qv7YaDc1sUIZO6oYW5lmfeFAEWgeWetlgQ7EHKrYevFL/+q+vw0TkJOiWnMyjvj9aJTuCA1K0jtHiWYjIlKE6rpqjjEpkIDUY1eZZpa5H0VCINhouQauwcvkdMCN30P/Mds+8sPL1BxJmtwNWu0QZKkyh+j31///9JiUFg=='],
];

describe('简繁: the LZMA decoder', () => {
  for (const [settings, stream] of STREAMS) {
    it(`decodes streams with other literal and position settings: ${settings}, in slices`, async () => {
      let pauses = 0;
      const out = await lzmaDecode(stream, async () => void pauses++, 0);
      expect(Array.from(out)).to.deep.equal(sample());
      expect(pauses, 'gave way to the page').to.be.above(0);
    });
  }
});
