/**
 * The LZMA decoder (src/zh/lzma.ts) on streams made for it: literals, far matches, runs and repeats, and other
 * literal and position settings than the dictionaries use (the build may change them). The dictionaries
 * themselves are unpacked and checked entry by entry in zh-dict.test.ts.
 */
import { expect } from 'chai';
import { lzmaDecode } from '../src/zh/lzma.js';

/** `n` xorshift32 bytes (seed 1), the same again, `zeros` zeros, then the first `again` of them once more. */
function sample(n: number, zeros: number, again: number): number[] {
  let x = 1;
  const next = () => {
    x ^= x << 13;
    x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5;
    x >>>= 0;
    return x & 255;
  };
  const a = Array.from({ length: n }, next);
  return [...a, ...a, ...new Array<number>(zeros).fill(0), ...a.slice(0, again)];
}

// sample(1000, 500, 300) compressed by python3's lzma module (FORMAT_ALONE, LZMA1 preset 9 with the lc/lp/pb named,
// dict_size 2^16), the header's size field then set to 2,800 (python writes "unknown" and an end marker).
const STREAMS: [string, string][] = [
  ['lc=4 lp=0 pb=1', 'MQAAAQDwCgAAAAAAAAAQgFWm9WBd3Lfoful7yOU3EGVX3qucwjbDTIRWZvLLGItJnINZqX4jXruoU9WMvPbTpkXd/ZA4PFVvfFWJG3UV9FSejwLk+XfOFgTzOS+6kJLjAxLUjAMfXaaaasljI87M5OdkVxqya1btv7FlAsOU9vudavRbgFF/0kEpf1PtWJ6ZE7HR+nC1pA5+LriW125r+j58sPb/mHSqgiI1+jwu9KQJX7gmC0j1qp0jSulj+ymwvpkwe3s6iW1XrEOm/pd/o7Tnx5ECUpcQW3RnBCL41O7tIny27EWykUl22QoTO7x3j4n8yCM/Jifi+gZe/6U4lkB8ZFDCaCcIyj4LE52cEUBr9g83wtlrq25Q8LDe5OnGkxdWRLw92SrvH9asKYdTEP3b/Q4nHuFzTJ8uuDXADAw2J+bJtFkW5KW8zrrVjxS6iHSToyq7iO4fPERIe98qjlcYmr97/g3cRK9eqJ9lko+GqMe9n+d1VyD9TR55ITQbzxrF7EJqwIUXJ/aYmXnIqiLwq1k7a7r/ZTJFjsUWQyWK+ZHas8D+jmqzmTGAEIuRj2zoDpYOGnTTQVxtL83g/RN4j/fnXErzRTSKr7VQUXp41CGyGyMxwB7W+fr8ycNiwRXaMxccqKzzjeaqruYV6unM63sF2KD7QtrQp9e28vxzkz7rIfN/v6C9Jm66z4LfI8H/DE3sF2T60j5YiVvgjKZc33OKPZ/avOC15MaceDHUFYZr958tLasDfWxKcUcj1KXdezImlIdBAuDHM3lscW7QaVE19xTMx4wXZAmumvI/BKj/PPoNk95KobZrKiOg5vvK/hpgIlRfzps3PMCjglO4P2aLyYZjuF4ObRHif8okM2F4yNU3F4xL4AHlBSgQ5jbsS7uqedZjGbgS39se5wFxb/oVwtyWAdtpDiiunuA6YdYQTh4XsvENBjNPrUujBRNCtyJRFGjOb6cQ8EexIIFYQ9bAVduyWZn/8dNDYXWJnUz3LUs7t0iVXWB8LqkKfCAJ7x6KunQZNvw6eIHiw0OpEL2g9BU01+b0u7Y/W6DqJtyLwFLZ2rrrfG+atZmmnygd7Bw+AZqej0POz43PEVwGapiiLGjLrcyDjpbGwkwQpymiaHe9iBhQs2VmVvr44FWztGzEijFzOhiE6REaeVtKBjiZIRXIVLoLrDa2P5Z3sA7TsKJmi87/cZvn7d8/LDOG6xE9KSQse3KoRfCMS9e7JUtYjj9rPPFWHUWfA+Q+fDxTD85pMJkR78DPLHsg7p1arkKCi5bw2qUPGGGwtGu0ufkFQ/xDYhs2QdD7UmC4jz4LxZ/Cd5ZLIKY0prlXLS+6Ve6gbx9ZfsUNdgxUzoBUyH1AiDLjdObOKQFIHuhQzGKZ8FVfr1//8q7rTw=='],
  ['lc=0 lp=2 pb=3', 'mQAAAQDwCgAAAAAAAAAQgFSk9pbr/+qzO6Lxx14FewNodszad7tqqYaMNIPwQUDp/I7dV7oEslgWMm/fuN9KOeFYSgHysmf/uLbaI67YUpWeGDRYtUP0BVG7s6B9eGNUJRk9H6TDo/W1hazb5jKa5PuVcY6itiSjPQID7juefwCkyFuxDEyBOcyW+H1X9ZebEe8v+4xIVUlTWRyGbJPCVzYTjqX76eX05GIjC54o96CEXkiKxndPtLNxQL2PP2bcwPtIXnlKBg+QUkecz4JWZ+V9BAxwlA+esOSGxoesqYMUPXPuVjyEaXtHtw/lfF9//+VB37DXFiMIaAD2H1T7rexY9n5UjeWwTyNPAHNyS3YpBdIYEfsIhpiko+TBn8iumT4KO5cdYqskOlAYm/+RJkNVEZrRnFrWIxqK9L21BWxwbOxeth9WMUFH67Pk7nM0fxSd8XSborjSaa+ZofjijpNzRABuvNx/E/qXt/XMecWFyuTa0yBsXi03X7J5RBII4YhEV/zS+7A9G01A6EC32GQnFd/q+o12zErq4PFFxuFoPFuKYUAGTbKe3Ivy5b5pHERMCUQCNYVQPBfuQ4g9Ufx9eT/QuWnGf/lCQtSquAF4V6TERQ3N/+0ScbUMlo1U9CmpWTFtWgJ3PXSjwVnfkYzZ5UpV1NJez0OBwnqK4idsGdZ+X0qIuzwihAZH/CqaPs5v5Aed+vkX4zMGulhUZGNgXOz+DwzSs12GPqjk/ljMivQWfmAuuImNCtA+ASLa31aKRxx8vQN0cnIz+AgvymujDT5q/MWRl+Tc2sGh7yI2+PK3e3yIO5AclTgkXJU5oxjmo6E6Xwgy11Qv87back7viaqasvqdKyfSPOaJO1HHD+QflaBMJmXzkaICT/ETTsflLUfwxDDxJDG8rV+UWuWAyb1TcApDHdbcq4qFi4VIPRuAqXimGRCVjzqfimmJiEryj1yVHxMeUuYjUsTc/058cm2z6ahOxM/o0KgjiVl79+1DXslK/mUVfICLpM/oCsWwM2g179mJc5ZDC7a8jizjElq3kiBWTwUKyy1/JETAtzETqrFpIAJxM9L5aHVZnSj/T6ksfW+a5uVpZGI1Ch+kETOmKQ4MNJMKWOp6T/U0u622sZekOxLxO9qDi6AfkN6VlODm5FraiSgIKdoMZFmbbH4rt2MT3AOF/SyI85cthxau45ElLC9NmvgIcdNXj49tLgupfWPjXpZJ6y3Josh9w4oUmVCFM3a0Ibykx6XsO012b1Y7Qv7YaDc1sUIZO6oYW5lmfeFAEWgeWetlgQ7EHKrYevFL/+q+vw0TkJOiWnMyjvj9aJTuCA1K0jtHiWYjIlKE6rpqjjEpkIDUY1eZZpa5H0VCINhouQauwcvkdMCN30P/Mds+8sPL1BxJmtwNWu0QZKkyh+j31///9JiUFg=='],
];

describe('简繁: the LZMA decoder', () => {
  it('literals, a match 3,000 bytes back, long runs, a repeat after a run, in slices', async () => {
    // The `lzma` package's compress(bytes, 9) of sample(3000, 1000, 500).
    const stream = 'XQAAAAJMHQAAAAAAAAAQgFTfzwm9jGjcu4dFu868w6YpG4n7niVTFWYqaxg5DSdq/lQovTcS42EdgpFft4lhdG2xZymp5E/tL9PwxUIQC9Ojb/sFtAbM8dx1MX9tqGdwWj0iMdTopz2tHHO/iYm42BV11LdQJCPoxxkpR8fFfiWXnd/uD7H/xa6CnkIOygYwLIp2RNE0eU7ddLDfGk1mtSwZHLOKQwpgsCsRZbR/tRqaEiYJAn4/sBCINOKeWEBdIxASWMMWNfnn5j5Q+/QVAKuHPbAZ/GxRkasyuasMoXf7XgnuDmwLqkth2+Tk2FOCDEKtzsv6pG7FbO3StnJ5L3xonu7rKTVqJq4xPNr0dqmqQVHbKabkozwPwWrNQF5Yykwe/pdWeW9nAhvjV64x+/0+c/cX5ylqeqKGO4s3GQ/WdzLC78OXdtL2wVxVtiEw8CEuHBeVo8Om3vx64RSWNx3jbtUI8eYLQ3WQzvn+NZIK5ktHIDSShn0ihn1sMi84xQgQx3Sg42xa+0ngLWYaU9utwh6icaZ3ZsOXv+KkM5ElM8bT9q+32xH88vyPshl4GgPrlm3cOrg8ArH2LqY0VtJhNEpkarOnVAkTOH3xylOshPUNWz+FYmFb2fmtjGHLpMJpWn0fjkomnytLgj1bQTo+knzLLyBEQZDTLHoFwmD2gajauQZ+z1SmM8i4x6uJW2Kv91t51JXa/QzM2JHyL+sm1OnximtiROkzQ5jpEOBVtGHLBAUDe532JccHfWUU6ZRiExNd0cNNOXwNDci14KK+1Hau6dxsnSNG5arBPjdSUf9PsxZWe07Qe9P2ZHbfbUc86ea0EuWfmScGYNs8vdP5ylMNyREZImHUR2dUr0Yb+ZIDXnYH0LmUERwMppBVfVW8GzEJnT2ZB3UEj7pQ5SMMlxCe19Dtuot6BYi9FJzgVTPwBbE9cBm0cfIntlohdqy01hM24IF5QNtbHVHrYC+DcUKrnY+ymXAiq2M2ETCU2g6eM4m+abwmgm7VkILw5JTh3Y7zauc2xRkiehhgGuEHZurErtSgndL1vlUr/9+966Eg3DLKJUbf0JlXsf/27/YOpbwmnYziajrtowAxefQaRcEMt1Phwq01J8Zhv+IL/BlEh4ILScK+FbY3fpvEAw2XttitvuzSd4zxTr67yP9FJ9L/yn7557wzmmeHtf4iOhSKiegTkoJCE7GfNBzTp0VmpwKdGWIY/bvviaO8FUVOO+6yhyXZ76SXuboQ/pSoj27kLgXgXRMRiV9EFZzBgnnWA7V6deirmYNtF/knTbrVuYKkKBauqTyx/uM4VtSXRMe/E9nlg3GkjrRx1QLNqrybHWbUA1YOr8lX6LhM8IpSEJj1ba896OLSa+bgZZXBg73PUrh8SdarDmvkiyfdf7mhqw0QlsljPp/5b0Iq0qNynihV0/k9pzcwl/S4SBPIxxOsZoaylfxStWfcO3dgyuZF+KUqRFLSDtx5sLAFhSarDt6otj8OORT6sd+gZT0B/jBBSk9AwAOfONDnJb/5IQgXJGRhsSDvmyEteLg0YrY2vWj/tZNeTQGhq4X5BuQGaRZFcDNxmEedGMJHbAmySme2G8ISR1uHenFnvq7ix4f9NOanJxKOzxaLtRcDXXo4+e1KFPsPVaLP0Of17JDSlts5EMYUxfav8KJCjgE/tzKKgE8AIYEUIgGfgWX3zWxPzP5AoqeCDgbRu6Cqnt2jMhoG4dNgxI8LTSAd/f+YwBphVW3qrcNBBF9jrZknPnss0HQW/TKYumgPMXu6eCZhmtHTCW0DG07E0mUBE0p81SeK3h6Nqh6j+rcMOV4TzJnbMqrddhfrvUqCUs4ykRdH1+m8z6CXQYV4xrJmmOpauigYWhdW899haelVB+IfnPBGuNGfRihLMYgxgvpl+KzOOXQshlApQE84touEjpF/NQOXzBNNPGcpzg6Q4zZ+K0XwhcBBPe6m43cY9ZoGMJqv5/YV1SaOvz52X/e8QHtX3NTDJ/Fp56AETgC6PPYM2DKi6DX+I/MJyOixsPyDTehmiNmDdfju7T5XDhi2/wKbqa2T+VxGHhptkv16HnQhySF354QQt/xJ9xQVCBH2kwPzPhpPkL0ABPVtKQ3Bxo0l4p3MB0FYlVjSDihBonh9CElxOmreNlXyqygHLxXw0OTTRUa8EPLryG2THufFBDXoHfc5t9kcCzyNBNpAaRKUnn2w241F9c4QX83Mm42ik6PgSbfL5ZA46xarPGOP63CoVIbFqPilS2xuSp6CYVXMJY/8vUXrwGkZ7lrRX4uHOVzBdf6/VF2WfsDpoFY8Ix5DxzgECjoT50oYDatrLoPfSyqdQIHr9VxVDDvKEPYuQqffAGIJwkRIus1c5TYt64qJVc1u4GqKcbPe6R6Ed5AQFv8/o7w9GQQxk/j2Tc0oLVkCIW/HrnYqGkCX0FIx4RpTsODU8glOmmqbJ6/Dt3PeRp55WS560s+mHjdCuOpQfLPTfF2iEX0FZC92G/zKd29paEF3qYuOIZ3cpNxF8/V92cs+hI4N2+2dsCCClgu1yXuucas0SgLXLDIFBypTUz8MzPD+Vmc5p+/RXr9aqYwmvB9nIvYMo8G43m7C3yl6H+hyEF+QnILvWGDnnhW86NqohsxeQxRuHkxW4HDK60d2dI+psRCC5PJvggLLwv0lZE3Nf+8EgCG4UwldY8EOH9Y1w3rmg4VHQycV51txhraajTGgZcZtXSfj7UJ/HYneAsVqAIon22PuYhof3VMAa1Xv5Zfoz5mt9Zdv9+hEdjEph4lhOaDgNdQnwdnKWVKTcUAItE0LyXQh1GiChW4C8Z32etDoeH2arL/11xDsxfX07L3ToDyWxInDsMwrqip2frRyEvZmErtxXp+7flHFp5ElVHuunF/eokgbwFgIuCkZX2STTCZf8c0nObvOtMZ3x45oOdXmPXl1HRcRVkzhEvmeI0icWC6C76jsuYyucHBnFMkTTfrfUGxMJXjxFCvfK/hyJh/eESUvWwcoEwozQMle1XbVJe8aGiBLAdE8humCc2THLLFPZar0awWBIdN81WJoOQm98GY4EQrqGcUssQfKuezEBLeTWIPCdAYRa+6tJ0+/oZm7xxoMjeJqutocPSUO8VQPgMC9YtwSCLM6RThqwuseWnsilE8AtA4tF81NVXeW5vaQle8NmD2aNrGFWQHauZ9ulkxcaGZ54Br8A+0Ivu0LukUU6pm+Mz969u3b7adquS6OLhbf2ptVrM/j3JaFCCxtCG5IB1ZkbL0iqCiGL5In2muY0DUFBydhJlem+8S74RTVtiK2ogWf5am4d+vgXKBLtmLqhjklfh1wqNeDwRkI/losbYlnDOx+QPQkS/M3VF9udOP7abJ1WSaPD3Qqq/3C2EeVRyJEffxmSK8QtIoiA4qTyJ7+W+IKoYs4DUIMsHI7FqtfunXyguGSDBDC6Z4uoqWdZK3FleM2CdtRjKJBNRws6lEJ0hYHW01aI7gnX7lSqp8Up5LCps2LWnSeLTr92j0V2MvOSJ5tD9TzBuH+Ue+pRPAOFkD+870ifaiv1nu1lC8sSupXiWAdSZ2HmR8b60d9kSBXiwUXJgDclOxZJoQFO8psUh//NLc5l2WMRpb9zZkIhK7ZhL5AyMvn0fweIW1gibzDCJokrXk8YxW68ODltaTp3cyQZhAuQrWi8IsncSf54Pa9AugZNf1FB2/KOIp9+Ffx2AiCDU75X5e+nYSAi0AX0BbciktRVEYdfyb3wDPCzPpXjzCROIiXh5lD2rRnelxvvMNMrDurnf7BGKfHYnKRYJv4DdnglsTpvuZKy5f/3rbi1CgB4/d0iJtCNNoHbDdZwWP4DuiJ6JzO0WpSes7o+3wHwAORUN4nvs3qDz0THAOKNAesyywWiwtZ5AGBrv390au32OEMXyz72G85kod7hF3xqS+eBUsPknRAMfVWS3GO19ZLW41sukKRI03Ahm2I+o0ynPhSVVnE7QXx6YDn76aCC59Umo9CaGGOqM7KF+S1+/9FSoR5+7g0vNAdeUb+MGOHNQDWWWb7JETrmiAY4klpEyEvO8VUpKo+Tn831ChE/BKgV3C0QrsYBy7A3yfF8dWKljVI9K//+zXFYg==';
    let pauses = 0;
    const out = await lzmaDecode(stream, async () => void pauses++, 0);
    expect(Array.from(out)).to.deep.equal(sample(3000, 1000, 500));
    expect(pauses, 'gave way to the page between slices').to.be.above(0);
  });
  for (const [settings, stream] of STREAMS) {
    it(`decodes streams with other literal and position settings: ${settings}, in slices`, async () => {
      let pauses = 0;
      const out = await lzmaDecode(stream, async () => void pauses++, 0);
      expect(Array.from(out)).to.deep.equal(sample(1000, 500, 300));
      expect(pauses, 'gave way to the page').to.be.above(0);
    });
  }
});
