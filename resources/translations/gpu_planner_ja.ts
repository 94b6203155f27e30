<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ja">
<context>
    <name>Apis</name>
    <message>
        <source>Prices only: {0} and each API&apos;s model are different models, and their quality is not compared here. Even an API serving the same open weights may quantise them, cap the context or filter answers.</source>
        <translation>比較しているのは価格だけです。{0} と各 API のモデルは別のモデルであり、品質はここでは比べていません。同じオープンな重みを提供する API でも、量子化、コンテキストの上限、回答のフィルタが異なる場合があります。</translation>
    </message>
    <message>
        <source>rented</source>
        <translation>レンタル</translation>
    </message>
    <message>
        <source>bought</source>
        <translation>購入</translation>
    </message>
    <message>
        <source>Self-hosting ({0}) at this load: {1} per 1M tokens (input {2}, output {3}); {4} tokens a month for {5} a month.</source>
        <translation>この負荷での自前運用（{0}）：100万トークンあたり {1}（入力 {2}、出力 {3}）。月 {4} トークンを月額 {5} で処理します。</translation>
    </message>
    <message>
        <source>{0} charges nothing for this workload.</source>
        <translation>{0} はこの処理量に料金がかかりません。</translation>
    </message>
    <message>
        <source>Self-hosting is cheaper than {0} ({1} a month for the same tokens): it beats the API above {2} tokens a month, and this load is {3}.</source>
        <translation>自前運用は {0}（同じトークン数で月額 {1}）より安くなります。月 {2} トークンを超えると API より安く、この負荷は月 {3} トークンです。</translation>
    </message>
    <message>
        <source>{0} is cheaper ({1} a month for the same tokens): self-hosting beats it only above {2} tokens a month, and this load is {3}.</source>
        <translation>{0} のほうが安くなります（同じトークン数で月額 {1}）。自前運用が安くなるのは月 {2} トークンを超える場合だけで、この負荷は月 {3} トークンです。</translation>
    </message>
    <message>
        <source>API</source>
        <translation>API</translation>
    </message>
    <message>
        <source>Model served</source>
        <translation>提供モデル</translation>
    </message>
    <message>
        <source>Input / 1M</source>
        <translation>入力 / 100万</translation>
    </message>
    <message>
        <source>Output / 1M</source>
        <translation>出力 / 100万</translation>
    </message>
    <message>
        <source>This workload a month</source>
        <translation>この処理量の月額</translation>
    </message>
    <message>
        <source>Self-hosting cheaper above</source>
        <translation>自前運用が安くなる量</translation>
    </message>
    <message>
        <source> (same model)</source>
        <translation>（同じモデル）</translation>
    </message>
    <message>
        <source>{0} tokens</source>
        <translation>{0} トークン</translation>
    </message>
</context>
<context>
    <name>Application</name>
    <message>
        <source>LLM GPU Planner</source>
        <translation>LLM GPU Planner</translation>
    </message>
    <message>
        <source>The catalog cannot be read:
{0}</source>
        <translation>カタログを読み込めません：
{0}</translation>
    </message>
    <message>
        <source>Your catalog</source>
        <translation>あなたのカタログ</translation>
    </message>
</context>
<context>
    <name>Assumptions</name>
    <message>
        <source>default: selective for full training, full for LoRA/QLoRA</source>
        <translation>既定：フル学習では選択的、LoRA/QLoRA では全層</translation>
    </message>
    <message>
        <source>The usual choice; change it in the plan</source>
        <translation>一般的な設定。計画で変更できます</translation>
    </message>
    <message>
        <source>Fitted on published throughput and training runs (docs/time.md: the rows, their sources and the cross-validated errors)</source>
        <translation>公表されたスループットと学習事例に合わせて推定（docs/time.md に各行・出典・交差検証の誤差）</translation>
    </message>
    <message>
        <source>DeepSeek LLM (arXiv 2401.02954) §3.1: optimal batch B = 0.292·C^0.3271 tokens for C training FLOPs, between 1M and 64M tokens (Llama 3 405B: 16M; DeepSeek-V3: 63M)</source>
        <translation>DeepSeek LLM（arXiv 2401.02954）§3.1：学習演算量 C FLOP に対する最適バッチ B = 0.292·C^0.3271 トークン（100万〜6,400万トークンの範囲。Llama 3 405B は 1,600万、DeepSeek-V3 は 6,300万）</translation>
    </message>
    <message>
        <source>A typical instruction-tuning sample (Llama 2 fine-tuning used 4,096; Alpaca-style data is far shorter); enter your own</source>
        <translation>指示チューニングの典型的なサンプル長（Llama 2 のファインチューニングは 4,096。「Alpaca」形式のデータはずっと短い）。実際の値を入力してください</translation>
    </message>
    <message>
        <source>Llama 2&apos;s pre-training sequence length (Touvron et al. 2023, Table 1)</source>
        <translation>Llama 2 の事前学習のシーケンス長（Touvron et al. 2023、Table 1）</translation>
    </message>
    <message>
        <source>One pass over the data</source>
        <translation>データを1周</translation>
    </message>
    <message>
        <source>LoRA (Hu et al. 2021): the common way to fine-tune on one or a few GPUs</source>
        <translation>LoRA（Hu et al. 2021）：1枚から数枚の GPU でファインチューニングする一般的な方法</translation>
    </message>
    <message>
        <source>Rank 16, a common choice (Hu et al. 2021 found ranks 4-64 enough)</source>
        <translation>ランク 16（一般的な値。Hu et al. 2021 ではランク 4〜64 で十分）</translation>
    </message>
    <message>
        <source>All linear layers, as QLoRA recommends (Dettmers et al. 2023 §4)</source>
        <translation>QLoRA の推奨どおりすべての線形層（Dettmers et al. 2023 §4）</translation>
    </message>
    <message>
        <source>BF16 mixed precision: the standard of current training stacks</source>
        <translation>BF16 混合精度：現在の学習スタックの標準</translation>
    </message>
    <message>
        <source>Each stack&apos;s own: Megatron 18 (6 + 12/d distributed), DeepSpeed 20 (2 + 18/d at stage 2), FSDP 16/d, Hugging Face and torchtune 8 in pure bf16 (frameworks&apos; documentation and estimators)</source>
        <translation>スタックごと：Megatron 18（分散オプティマイザで 6 + 12/d）、DeepSpeed 20（ステージ2で 2 + 18/d）、FSDP 16/d、Hugging Face と torchtune は純 bf16 で 8（各フレームワークのドキュメントと見積もり関数）</translation>
    </message>
    <message>
        <source>Hugging Face, DeepSpeed and torchtune fine-tuning recipes checkpoint every layer (gradient checkpointing); Megatron and torchtitan recompute selectively</source>
        <translation>Hugging Face・DeepSpeed・torchtune のファインチューニング設定は全層をチェックポイント（勾配チェックポイント）、Megatron と torchtitan は選択的再計算</translation>
    </message>
    <message>
        <source>Hugging Face Trainer/PEFT with the model in bf16, the most used fine-tuning stack; DeepSpeed, FSDP (torchtitan), torchtune and Megatron are one setting away</source>
        <translation>モデルを bf16 で読み込んだ Hugging Face Trainer/PEFT（最も使われるファインチューニング環境）。DeepSpeed、FSDP（torchtitan）、torchtune、Megatron も設定ひとつで選べます</translation>
    </message>
    <message>
        <source>Megatron-LM with its distributed optimizer, as in most published pre-training runs</source>
        <translation>分散オプティマイザ付きの Megatron-LM（公表された事前学習の多くと同じ）</translation>
    </message>
    <message>
        <source>FlashAttention / PyTorch SDPA, the default of every current stack: no sequence x sequence scores kept (Dao et al. 2022)</source>
        <translation>FlashAttention / PyTorch SDPA（現在のすべての環境の既定）：系列長×系列長のスコアを保持しない（Dao et al. 2022）</translation>
    </message>
    <message>
        <source>Calibrated on torchtune&apos;s measured 3B run (README &apos;Optimization flags&apos;, packed 4096, no recomputation): fp32 logits, their log-softmax and gradient; transformers&apos; ForCausalLMLoss keeps the same tensors</source>
        <translation>torchtune の 3B 実測値（README「Optimization flags」、4096 パック、再計算なし）で較正：fp32 のロジット、その log-softmax と勾配。transformers の ForCausalLMLoss も同じテンソルを保持</translation>
    </message>
    <message>
        <source>Megatron core/tensor_parallel/cross_entropy.py: bf16 logits upcast once, softmax and gradient computed in place</source>
        <translation>Megatron core/tensor_parallel/cross_entropy.py：bf16 ロジットを一度だけ fp32 にし、softmax と勾配をその場で計算</translation>
    </message>
    <message>
        <source>Estimate: bf16 logits and their bf16 gradient</source>
        <translation>推定：bf16 のロジットとその bf16 勾配</translation>
    </message>
    <message>
        <source>Calibrated on torchtune&apos;s measured LoRA/QLoRA rows with CEWithChunkedOutputLoss (8 chunks, torch.compile on)</source>
        <translation>torchtune の LoRA/QLoRA 実測値（CEWithChunkedOutputLoss、8 分割、torch.compile 有効）で較正</translation>
    </message>
    <message>
        <source>Liger Kernel benchmark (fused linear cross-entropy, V = 128,256): ~54 KiB per token</source>
        <translation>Liger Kernel のベンチマーク（融合線形クロスエントロピー、V = 128,256）：1トークンあたり約 54 KiB</translation>
    </message>
    <message>
        <source>Calibrated on torchtitan&apos;s measured Llama 3.1 8B run (8 x H100, &apos;op&apos; selective checkpointing, 82.4 GiB)</source>
        <translation>torchtitan の Llama 3.1 8B 実測値（H100 × 8、「op」選択的チェックポイント、82.4 GiB）で較正</translation>
    </message>
    <message>
        <source>DeepSpeed zero/config.py: reduce_bucket_size 5e8 elements</source>
        <translation>DeepSpeed zero/config.py：reduce_bucket_size 5e8 要素</translation>
    </message>
    <message>
        <source>DeepSpeed stage3.py estimate_zero3_model_states_mem_needs: 4 x the largest layer&apos;s parameters</source>
        <translation>DeepSpeed stage3.py estimate_zero3_model_states_mem_needs：最大の層のパラメータ数 × 4</translation>
    </message>
    <message>
        <source>FSDP prefetches the next unit while the current one runs (torchtitan docs/fsdp.md)</source>
        <translation>FSDP は実行中のユニットの次を先読みします（torchtitan docs/fsdp.md）</translation>
    </message>
    <message>
        <source>Estimate: above 90% of the memory a run may fail on fragmentation or a longer batch</source>
        <translation>推定：メモリの 90% を超えると、断片化や長いバッチで失敗することがある</translation>
    </message>
    <message>
        <source>Measured against 43 published peaks kept out of calibration: 41 fall within 20% of the estimate (docs/memory.md)</source>
        <translation>較正に使っていない公表済みのメモリのピーク 43 件と比較：41 件が見積もりの 20% 以内（docs/memory.md）</translation>
    </message>
    <message>
        <source>PCIe Gen4 x16 is 32 GB/s per direction; ~25 GB/s achieved; each generation doubles it</source>
        <translation>PCIe Gen4 x16 は片方向 32 GB/s、実効約 25 GB/s。世代ごとに2倍</translation>
    </message>
    <message>
        <source>Estimate: dual-channel DDR5-5600 peaks at 89.6 GB/s; servers have more, laptops less</source>
        <translation>推定：デュアルチャネル DDR5-5600 のピークは 89.6 GB/s。サーバーはより多く、ノートPCはより少ない</translation>
    </message>
    <message>
        <source>Estimate: one PCIe Gen4 NVMe drive reads ~7 GB/s; ZeRO-Infinity stripes several</source>
        <translation>推定：PCIe Gen4 NVMe 1台の読み出しは約 7 GB/s。ZeRO-Infinity は複数台に分散</translation>
    </message>
    <message>
        <source>fp32 master weight, momentum and variance read and written, gradient read, bf16 weight written</source>
        <translation>fp32 のマスター重み・モーメント・分散の読み書き、勾配の読み出し、bf16 重みの書き込み</translation>
    </message>
    <message>
        <source>vLLM, the most used open serving engine</source>
        <translation>vLLM（最も使われているオープンな推論エンジン）</translation>
    </message>
    <message>
        <source>vLLM EngineArgs gpu_memory_utilization 0.90 (0.92 in the newest versions)</source>
        <translation>vLLM EngineArgs gpu_memory_utilization 0.90（最新版では 0.92）</translation>
    </message>
    <message>
        <source>SGLang server arguments: --mem-fraction-static 0.9 for weights and KV cache</source>
        <translation>SGLang サーバー引数：重みと KVキャッシュに --mem-fraction-static 0.9</translation>
    </message>
    <message>
        <source>TensorRT-LLM KvCacheConfig.free_gpu_memory_fraction 0.9 of the memory left after the weights</source>
        <translation>TensorRT-LLM KvCacheConfig.free_gpu_memory_fraction：重みを置いた残りのメモリの 0.9</translation>
    </message>
    <message>
        <source>TGI launcher --cuda-memory-fraction 1.0; the KV cache gets 90% of the free memory (TGI_WIGGLE_ROOM 0.90, models/globals.py); flashinfer pages of 1 token</source>
        <translation>TGI ランチャーの --cuda-memory-fraction は 1.0。KVキャッシュには空きメモリの90%が割り当てられます（TGI_WIGGLE_ROOM 0.90、models/globals.py）。flashinfer のページは1トークン</translation>
    </message>
    <message>
        <source>macOS recommendedMaxWorkingSetSize, as Metal reports it: 2/3 of 16 GB, 75% of 36-96 GB, 84% of 128 GB (MLX docs: raise it with sysctl iogpu.wired_limit_mb)</source>
        <translation>Metal が報告する macOS の recommendedMaxWorkingSetSize：16 GB の 2/3、36〜96 GB の75%、128 GB の84%（MLX のドキュメント：sysctl iogpu.wired_limit_mb で引き上げ可能）</translation>
    </message>
    <message>
        <source>vLLM memory profile (PR #10511): non_torch_memory 1.79 GiB on one GPU, twice with tensor parallelism</source>
        <translation>vLLM のメモリプロファイル（PR #10511）：GPU 1枚で non_torch_memory 1.79 GiB、テンソル並列でその2倍</translation>
    </message>
    <message>
        <source>vLLM issue #7553: CUDA graphs took 2.4 GiB per GPU; usually 0.5-1 GiB</source>
        <translation>vLLM issue #7553：CUDA グラフが GPU あたり 2.4 GiB。通常は 0.5〜1 GiB</translation>
    </message>
    <message>
        <source>llama.cpp default n_ubatch 512: its compute buffer holds the logits and activations of 512 tokens</source>
        <translation>llama.cpp の既定 n_ubatch 512：計算バッファに 512 トークン分のロジットとアクティベーションを保持</translation>
    </message>
    <message>
        <source>arXiv 2205.05198</source>
        <translation>arXiv 2205.05198</translation>
    </message>
    <message>
        <source>Narayanan et al. 2021 §2.2.2: the interleaved schedule divides the bubble by the chunks per rank; Llama 3 paper §3.3.2 trains 405B with it. Memory is counted for the plain schedule</source>
        <translation>Narayanan et al. 2021 §2.2.2：インターリーブ方式はバブルをランクあたりの分割数で割る。Llama 3 論文 §3.3.2 の 405B もこの方式。メモリは通常方式で計算</translation>
    </message>
    <message>
        <source>Estimate: 128 sequences per step, typical of instruction tuning recipes (Alpaca: 128)</source>
        <translation>推定：1ステップ 128 シーケンス（指示チューニングの一般的な設定。「Alpaca」も 128）</translation>
    </message>
    <message>
        <source>without a deadline a training plan must finish within 90 days, and the verdict says when nothing does</source>
        <translation>期限を指定しない場合、学習は90日以内に終わる必要があり、間に合う構成がなければ判定でそう示します</translation>
    </message>
    <message>
        <source>Your MFU against 6·N·D replaces the calibrated step model (docs/time.md: fitted on published throughput and runs)</source>
        <translation>入力された 6·N·D に対する MFU が、較正済みのステップモデル（docs/time.md：公表されたスループットと学習事例に合わせて推定）の代わりに使われます</translation>
    </message>
    <message>
        <source>stas00/ml-engineering, Maximum Achievable Matmul FLOPS: A100 86.9%, H100 80.3%; other GPUs scale by their own share</source>
        <translation>stas00/ml-engineering「Maximum Achievable Matmul FLOPS」：A100 86.9%、H100 80.3%。他の GPU は各自の値で補正</translation>
    </message>
    <message>
        <source>Estimate: Megatron-LM keeps tensor parallelism inside the NVLink domain (Narayanan et al. 2021 §3.3)</source>
        <translation>推定：Megatron-LM はテンソル並列を NVLink の範囲内に収める（Narayanan et al. 2021 §3.3）</translation>
    </message>
    <message>
        <source>Estimate: tensor parallelism across servers crosses the network in every layer (Narayanan et al. 2021 §3.3)</source>
        <translation>推定：サーバーをまたぐテンソル並列は層ごとにネットワークを通る（Narayanan et al. 2021 §3.3）</translation>
    </message>
    <message>
        <source>Estimate: gradient all-reduce over PCIe instead of NVLink</source>
        <translation>推定：勾配の集約通信が NVLink ではなく PCIe を通る</translation>
    </message>
    <message>
        <source>ZeRO paper §7: full sharding moves 1.5x the data of plain data parallelism (estimate of its cost)</source>
        <translation>ZeRO 論文 §7：完全シャーディングの通信量は通常のデータ並列の 1.5 倍（そのコストの推定）</translation>
    </message>
    <message>
        <source>Narayanan et al. 2021 §2.2: bubble (p-1)/m; m = 8 micro-batches per stage assumed</source>
        <translation>Narayanan et al. 2021 §2.2：バブルの割合は（ステージ数 − 1）÷ 実行中のマイクロバッチ数。ステージあたり 8 マイクロバッチと仮定</translation>
    </message>
    <message>
        <source>InfiniBand 400G, as in current GPU clusters; change it to your network</source>
        <translation>現在の GPU クラスタと同じ InfiniBand 400G。実際のネットワークに変更してください</translation>
    </message>
    <message>
        <source>The model as published (16-bit weights)</source>
        <translation>公開されたままのモデル（16ビットの重み）</translation>
    </message>
    <message>
        <source>16-bit KV cache, the serving engines&apos; default</source>
        <translation>16ビットの KVキャッシュ（推論エンジンの既定）</translation>
    </message>
    <message>
        <source>The model&apos;s context, at most 4,096 tokens per conversation unless you enter one</source>
        <translation>モデルのコンテキスト長。入力がなければ1会話あたり最大 4,096 トークン</translation>
    </message>
    <message>
        <source>One conversation at a time unless you enter more</source>
        <translation>入力がなければ同時に1会話</translation>
    </message>
    <message>
        <source>A few paragraphs per answer</source>
        <translation>1回答あたり数段落</translation>
    </message>
    <message>
        <source>Estimate: reading the prompt is compute-bound, at about half the dense peak</source>
        <translation>推定：プロンプトの読み込みは演算律速で、密な演算ピークの約半分</translation>
    </message>
    <message>
        <source>Estimate: all-reduce after every layer costs ~10% over NVLink</source>
        <translation>推定：層ごとの集約通信で NVLink では約10%遅くなる</translation>
    </message>
    <message>
        <source>Estimate: all-reduce after every layer costs ~30% over PCIe</source>
        <translation>推定：層ごとの集約通信で PCIe では約30%遅くなる</translation>
    </message>
    <message>
        <source>vLLM&apos;s default chunked-prefill size (2,048 tokens)</source>
        <translation>vLLM がプロンプトを分割して読み込む単位の既定値（2,048 トークン）</translation>
    </message>
    <message>
        <source>Assumed rate (set {0}); edit to the rate of your budget date</source>
        <translation>仮定のレート（{0} 設定）。予算の基準日のレートに変更してください</translation>
    </message>
    <message>
        <source>Assumed Japanese high-voltage business tariff (order of magnitude); edit to your contract</source>
        <translation>日本の高圧業務用電力のおおよその水準と仮定。契約単価に変更してください</translation>
    </message>
    <message>
        <source>Catalog price histories move 10-35% within a year (A40 4,909-5,999 USD, H100 NVL 28,550-38,999 USD: gpu-price-tracker); the sensitivity swings the price by ±20%</source>
        <translation>カタログの価格履歴は1年で10〜35%動きます（A40 4,909〜5,999 USD、H100 NVL 28,550〜38,999 USD：gpu-price-tracker）。感度分析では価格を±20%動かします</translation>
    </message>
    <message>
        <source>From the cheapest to the dearest catalog offer for the GPU; ±25% when the catalog has fewer than two</source>
        <translation>そのGPUのカタログ上の最安から最高のクラウド価格まで。カタログに2件未満のときは±25%</translation>
    </message>
    <message>
        <source>Larger than the largest published training runs (16,384 H100 for Llama 3.1 405B)</source>
        <translation>公表された最大の学習事例（Llama 3.1 405B の H100 16,384 枚）以上</translation>
    </message>
    <message>
        <source>Cloud or on-premises, whichever is cheaper</source>
        <translation>クラウドとオンプレの安い方</translation>
    </message>
    <message>
        <source>On-demand prices, which anyone can get</source>
        <translation>誰でも利用できるオンデマンド料金</translation>
    </message>
    <message>
        <source>The cheapest option that meets the deadline first</source>
        <translation>期限に間に合う最も安い構成を優先</translation>
    </message>
    <message>
        <source>selective</source>
        <translation>選択的</translation>
    </message>
    <message>
        <source>the calibrated model</source>
        <translation>較正済みのモデル</translation>
    </message>
    <message>
        <source>full</source>
        <translation>全層</translation>
    </message>
    <message>
        <source>none</source>
        <translation>なし</translation>
    </message>
    <message>
        <source>FlashAttention / SDPA</source>
        <translation>FlashAttention / SDPA</translation>
    </message>
    <message>
        <source>vLLM</source>
        <translation>vLLM</translation>
    </message>
    <message>
        <source>Hugging Face</source>
        <translation>Hugging Face</translation>
    </message>
    <message>
        <source>Megatron-LM</source>
        <translation>Megatron-LM</translation>
    </message>
    <message>
        <source>by training stack</source>
        <translation>学習環境ごと</translation>
    </message>
    <message>
        <source>Korthikanti et al. 2022 §4 per layer, by attention and recomputation</source>
        <translation>Korthikanti et al. 2022 §4 の層ごとの式（アテンション実装と再計算で変わる）</translation>
    </message>
    <message>
        <source>default {0} (range {1}–{2})</source>
        <translation>既定 {0}（幅 {1}〜{2}）</translation>
    </message>
    <message>
        <source>default {0}</source>
        <translation>既定 {0}</translation>
    </message>
    <message>
        <source>{0}: {1}</source>
        <translation>{0}：{1}</translation>
    </message>
    <message>
        <source>Hoffmann et al. 2022 (Chinchilla), compute-optimal ~20 tokens per parameter (Table 3: 70B -&gt; 1.4T)</source>
        <translation>Hoffmann et al. 2022（Chinchilla）。計算最適はパラメータあたり約20トークン（Table 3：70B → 1.4T）</translation>
    </message>
    <message>
        <source>Fitted on published single-stream decode speeds (llama.cpp on 10 GPUs, vLLM with Qwen2.5 in BF16, GPTQ and AWQ), llama.cpp prompt speeds and TensorRT-LLM times to first token (docs/time.md)</source>
        <translation>公表された1ストリームの生成速度（llama.cpp は GPU 10種、vLLM は Qwen2.5 の BF16・GPTQ・AWQ）、llama.cpp のプロンプト読み込み速度、TensorRT-LLM の最初のトークンまでの時間に合わせて推定（docs/time.md）</translation>
    </message>
    <message>
        <source>80% of the out-of-sample published runs with reported GPU-hours fall inside this range of the estimate (docs/time.md)</source>
        <translation>GPU時間が公表された事例のうち、学習に使っていない検証分の80%がこの範囲に入ります（docs/time.md）</translation>
    </message>
    <message>
        <source>Estimate: multi-server jobs over InfiniBand 400/200G keep ×{0:g}/×{1:g} of their utilisation, over 100/25/10 GbE ×{2:g}/×{3:g}/×{4:g}</source>
        <translation>推定：複数サーバーのジョブは、InfiniBand 400G/200G で利用効率の ×{0:g}/×{1:g}、100/25/10 GbE で ×{2:g}/×{3:g}/×{4:g}</translation>
    </message>
    <message>
        <source>Seed article §5-6: continued pre-training needs 10-20% of the from-scratch tokens (70B: 100-200B of 1.4T); we take the low end</source>
        <translation>元記事 §5〜6：継続事前学習にはフルスクラッチのトークン数の10〜20%が必要（70B：1.4T のうち 100〜200B）。下限を採用</translation>
    </message>
    <message>
        <source>Uptime Institute Global Data Center Survey 2024: industry average PUE 1.56; we use 1.5</source>
        <translation>「Uptime Institute Global Data Center Survey 2024」：業界平均 PUE 1.56。1.5 を採用</translation>
    </message>
    <message>
        <source>Estimate: server chassis, CPUs, RAM, NICs and switches add ~25% to the GPU price of an 8-GPU node</source>
        <translation>推定：8 GPU ノードでは、サーバー筐体・CPU・メモリ・NIC・スイッチで GPU 価格の約25%が加わる</translation>
    </message>
    <message>
        <source>Estimate: CUDA context, cuBLAS/NCCL workspaces ~1 GiB per GPU (PyTorch CUDA context alone is 0.3-0.5 GiB)</source>
        <translation>推定：CUDA コンテキストと cuBLAS/NCCL の作業領域で GPU あたり約 1 GiB（PyTorch の CUDA コンテキストだけで 0.3〜0.5 GiB）</translation>
    </message>
    <message>
        <source>Estimate: 5% allocator fragmentation on top of the computed tensors</source>
        <translation>推定：計算したテンソルに加えて、アロケータの断片化で5%</translation>
    </message>
    <message>
        <source>Assumed round-the-clock service (24 h x 30 days); the seed&apos;s 8 h x 20 days is one edit away</source>
        <translation>24時間 × 30日の常時稼働と仮定。元記事の 8時間 × 20日 にも変更できます</translation>
    </message>
    <message>
        <source>Assumed 3-year horizon (seed article §2 compares cloud and on-prem over 3 years)</source>
        <translation>3年間で比較すると仮定（元記事 §2 はクラウドとオンプレを3年間で比較）</translation>
    </message>
    <message>
        <source>Costs within 0.5% count as equal; then the option whose slow end still meets the deadline, then the faster one</source>
        <translation>費用差 0.5% 以内は同額とみなし、その中では遅い側の見積もりでも期限に間に合う構成、次に速い構成を優先します</translation>
    </message>
    <message>
        <source>An option that misses the deadline, budget or power limit by at most this factor is called a nearest miss; farther ones say how far they are</source>
        <translation>期限・予算・電力上限を超える幅がこの倍率以内の構成を「最も近い候補」と呼びます。それより遠い構成には、どれだけ離れているかを示します</translation>
    </message>
    <message>
        <source>entered by the user ({0})</source>
        <translation>ユーザー入力（{0}）</translation>
    </message>
    <message>
        <source>your setting, rate as of {0}</source>
        <translation>ユーザー設定、{0} 時点のレート</translation>
    </message>
    <message>
        <source>range {0}–{1}; {2}</source>
        <translation>幅 {0}〜{1}。{2}</translation>
    </message>
</context>
<context>
    <name>Backtest</name>
    <message>
        <source>no parameter count</source>
        <translation>パラメータ数が不明</translation>
    </message>
    <message>
        <source>no token count</source>
        <translation>トークン数が不明</translation>
    </message>
    <message>
        <source>accelerator not in the catalog</source>
        <translation>アクセラレータがカタログにない</translation>
    </message>
    <message>
        <source>no GPU count</source>
        <translation>GPU枚数が不明</translation>
    </message>
    <message>
        <source>no GPU-hours or GPU count x days</source>
        <translation>GPU時間（またはGPU枚数 × 日数）が不明</translation>
    </message>
    <message>
        <source>reported</source>
        <translation>公表値</translation>
    </message>
    <message>
        <source>derived</source>
        <translation>算出値</translation>
    </message>
    <message>
        <source>estimate</source>
        <translation>推定値</translation>
    </message>
    <message>
        <source>all</source>
        <translation>全体</translation>
    </message>
    <message>
        <source>run</source>
        <translation>事例</translation>
    </message>
    <message>
        <source>GPUs</source>
        <translation>GPU枚数</translation>
    </message>
    <message>
        <source>reported GPU-h</source>
        <translation>公表GPU時間</translation>
    </message>
    <message>
        <source>basis</source>
        <translation>根拠</translation>
    </message>
    <message>
        <source>predicted</source>
        <translation>予測</translation>
    </message>
    <message>
        <source>range</source>
        <translation>幅</translation>
    </message>
    <message>
        <source>error</source>
        <translation>誤差</translation>
    </message>
    <message>
        <source>impl. MFU</source>
        <translation>実効MFU</translation>
    </message>
    <message>
        <source>* reported figure outside the predicted range. error = predicted / reported - 1.</source>
        <translation>* 公表値が予測の幅の外。誤差 = 予測 / 公表 − 1。</translation>
    </message>
    <message>
        <source>{0}: {1} runs, median |error| {2:.0%}, median error {3:+.0%}, worst {4} ({5:+.0%}), {6} within range</source>
        <translation>{0}：{1} 件、|誤差| の中央値 {2:.0%}、誤差の中央値 {3:+.0%}、最大 {4}（{5:+.0%}）、幅の内側 {6} 件</translation>
    </message>
    <message>
        <source>Not predicted (not enough data):</source>
        <translation>予測できなかったもの（データ不足）：</translation>
    </message>
</context>
<context>
    <name>BreakevenChart</name>
    <message>
        <source>months of use</source>
        <translation>利用月数</translation>
    </message>
    <message>
        <source>cloud (rent)</source>
        <translation>クラウド（レンタル）</translation>
    </message>
    <message>
        <source>on-prem (buy)</source>
        <translation>オンプレ（購入）</translation>
    </message>
    <message>
        <source>break-even {0:.1f} months</source>
        <translation>損益分岐 {0:.1f} か月</translation>
    </message>
</context>
<context>
    <name>BudgetPage</name>
    <message>
        <source>Budget, deadline and what you have</source>
        <translation>予算・期限・手持ちの設備</translation>
    </message>
    <message>
        <source>Leave budget and deadline empty to see the cheapest way; add GPUs you already own.</source>
        <translation>予算と期限を空欄にすると最も安い方法を表示します。すでに持っているGPUも追加できます。</translation>
    </message>
    <message>
        <source>Money and time</source>
        <translation>費用と期間</translation>
    </message>
    <message>
        <source>Currency</source>
        <translation>通貨</translation>
    </message>
    <message>
        <source>Japanese yen (JPY)</source>
        <translation>日本円（JPY）</translation>
    </message>
    <message>
        <source>US dollar (USD)</source>
        <translation>米ドル（USD）</translation>
    </message>
    <message>
        <source>Budget</source>
        <translation>予算</translation>
    </message>
    <message>
        <source>Deadline (days)</source>
        <translation>期限（日）</translation>
    </message>
    <message>
        <source>none (the search aims at {0:g} days)</source>
        <translation>なし（{0:g}日以内を目安に探索）</translation>
    </message>
    <message>
        <source>none (e.g. 30M, $1M, 3000万, 3億円)</source>
        <translation>なし（例：3000万、3億円、$1M、100万ドル）</translation>
    </message>
    <message>
        <source>&amp;Currency</source>
        <translation>通貨(&amp;C)</translation>
    </message>
    <message>
        <source>Most you can spend on this job (training) or on serving over the horizon (inference). Accepts 30M, 200K, $1M, ¥30M, 3000万, 3億円, 100万ドル, in the currency above.</source>
        <translation>このジョブ（学習）または期間全体の運用（推論）にかけられる上限。3000万、3億円、30M、¥30M、$1M、100万ドル などの書き方が使えます（上で選んだ通貨で）。</translation>
    </message>
    <message>
        <source>Bud&amp;get</source>
        <translation>予算(&amp;G)</translation>
    </message>
    <message>
        <source>Calendar days the training may take. Accepts 90, 90日, 12 weeks, 3 months, 3か月, 1 year.</source>
        <translation>学習にかけられる暦日数。90、90日、12週間、3か月、1年 などの書き方が使えます。</translation>
    </message>
    <message>
        <source>&amp;Deadline (days)</source>
        <translation>期限（日）(&amp;D)</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>設置場所</translation>
    </message>
    <message>
        <source>Cloud or on-premises, whichever is cheaper</source>
        <translation>クラウドとオンプレの安い方</translation>
    </message>
    <message>
        <source>Cloud (rent)</source>
        <translation>クラウド（レンタル）</translation>
    </message>
    <message>
        <source>On-premises (buy or use own)</source>
        <translation>オンプレ（購入または保有）</translation>
    </message>
    <message>
        <source>&amp;Where</source>
        <translation>設置場所(&amp;W)</translation>
    </message>
    <message>
        <source>Prefer</source>
        <translation>優先</translation>
    </message>
    <message>
        <source>Cheapest that meets the deadline</source>
        <translation>期限に間に合う最安</translation>
    </message>
    <message>
        <source>Fastest within the budget</source>
        <translation>予算内で最速</translation>
    </message>
    <message>
        <source>P&amp;refer</source>
        <translation>優先(&amp;R)</translation>
    </message>
    <message>
        <source>Cloud prices</source>
        <translation>クラウド料金</translation>
    </message>
    <message>
        <source>On-demand</source>
        <translation>オンデマンド</translation>
    </message>
    <message>
        <source>Spot / interruptible</source>
        <translation>スポット（中断あり）</translation>
    </message>
    <message>
        <source>Reserved / committed</source>
        <translation>リザーブド（長期契約）</translation>
    </message>
    <message>
        <source>Cheapest of any kind</source>
        <translation>種類を問わず最安</translation>
    </message>
    <message>
        <source>Which catalog offers price the cloud (see Catalog → Offers for providers and dates).</source>
        <translation>クラウド費用の計算に使うカタログの料金（事業者と時点はカタログ → 料金を参照）。</translation>
    </message>
    <message>
        <source>Cloud &amp;prices</source>
        <translation>クラウド料金(&amp;P)</translation>
    </message>
    <message>
        <source>GPUs you already own (free to use: only electricity is counted)</source>
        <translation>保有しているGPU（購入費はかからず、電気代のみ計上）</translation>
    </message>
    <message>
        <source>GPU</source>
        <translation>GPU</translation>
    </message>
    <message>
        <source>Count</source>
        <translation>枚数</translation>
    </message>
    <message>
        <source>GPUs you own</source>
        <translation>保有GPU</translation>
    </message>
    <message>
        <source>&amp;Add GPU</source>
        <translation>GPUを追加(&amp;A)</translation>
    </message>
    <message>
        <source>Remo&amp;ve</source>
        <translation>削除(&amp;V)</translation>
    </message>
    <message>
        <source>At most GPUs</source>
        <translation>GPU枚数の上限</translation>
    </message>
    <message>
        <source>Largest cluster to consider.</source>
        <translation>検討するクラスタの最大規模。</translation>
    </message>
    <message>
        <source>Power limit (kW)</source>
        <translation>電力上限（kW）</translation>
    </message>
    <message>
        <source>none</source>
        <translation>なし</translation>
    </message>
    <message>
        <source>Facility power available on-premises: GPUs x TDP x PUE must stay below it.</source>
        <translation>オンプレで使える設備電力。GPU枚数 × TDP × PUE がこれ以下である必要があります。</translation>
    </message>
    <message>
        <source>Electricity per kWh</source>
        <translation>電気料金（1kWhあたり）</translation>
    </message>
    <message>
        <source>PUE</source>
        <translation>PUE</translation>
    </message>
    <message>
        <source>JPY per USD</source>
        <translation>1ドルあたりの円</translation>
    </message>
    <message>
        <source>Hours per day in use</source>
        <translation>1日の稼働時間</translation>
    </message>
    <message>
        <source>Days per month in use</source>
        <translation>1か月の稼働日数</translation>
    </message>
    <message>
        <source>Years (horizon)</source>
        <translation>期間（年）</translation>
    </message>
    <message>
        <source>Network between servers</source>
        <translation>サーバー間ネットワーク</translation>
    </message>
    <message>
        <source>Cloud price per GPU-hour</source>
        <translation>クラウド価格（GPU 1時間あたり）</translation>
    </message>
    <message>
        <source>catalog offer</source>
        <translation>カタログのオファー</translation>
    </message>
    <message>
        <source>Your price per GPU-hour, in the currency above, instead of the cheapest catalog offer (Sources lists each offer with its date).</source>
        <translation>カタログで最も安いオファーの代わりに使う GPU 1時間あたりの価格（上で選んだ通貨）。各オファーと日付は「出典」に一覧があります。</translation>
    </message>
    <message>
        <source>GPU purchase price</source>
        <translation>GPU購入価格</translation>
    </message>
    <message>
        <source>catalog price</source>
        <translation>カタログの価格</translation>
    </message>
    <message>
        <source>Your quote per GPU, in the currency above, instead of the catalog&apos;s dated price; servers and network are added on top.</source>
        <translation>カタログの日付付き価格の代わりに使う GPU 1枚あたりの見積額（上で選んだ通貨）。サーバーとネットワークの費用はこれに加算されます。</translation>
    </message>
    <message>
        <source>Expected MFU (0-1)</source>
        <translation>想定する利用効率 MFU（0〜1）</translation>
    </message>
    <message>
        <source>calibrated model</source>
        <translation>較正済みモデル</translation>
    </message>
    <message>
        <source>E&amp;xpected MFU (0-1)</source>
        <translation>想定する利用効率 MFU（0〜1）(&amp;X)</translation>
    </message>
    <message>
        <source>Cloud pr&amp;ice per GPU-hour</source>
        <translation>クラウド価格（GPU 1時間あたり）(&amp;I)</translation>
    </message>
    <message>
        <source>GPU purcha&amp;se price</source>
        <translation>GPU購入価格(&amp;S)</translation>
    </message>
    <message>
        <source>At &amp;most GPUs</source>
        <translation>GPU枚数の上限(&amp;M)</translation>
    </message>
    <message>
        <source>Power &amp;limit (kW)</source>
        <translation>電力上限（kW）(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Electricity per kWh</source>
        <translation>電気料金（1kWhあたり）(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;JPY per USD</source>
        <translation>1ドルあたりの円(&amp;J)</translation>
    </message>
    <message>
        <source>H&amp;ours per day in use</source>
        <translation>1日の稼働時間(&amp;O)</translation>
    </message>
    <message>
        <source>Networ&amp;k between servers</source>
        <translation>サーバー間ネットワーク(&amp;K)</translation>
    </message>
    <message>
        <source>{0:g} JPY</source>
        <translation>{0:g}円</translation>
    </message>
    <message>
        <source>{0:.3f} USD</source>
        <translation>{0:.3f}ドル</translation>
    </message>
    <message>
        <source>P&amp;UE</source>
        <translation>PUE(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Years (horizon)</source>
        <translation>期間（年）(&amp;Y)</translation>
    </message>
    <message>
        <source>Advanced: prices, utilisation, limits and assumptions</source>
        <translation>詳細設定：価格・利用効率・上限・前提</translation>
    </message>
    <message>
        <source>Hover over a field to see where its default comes from.</source>
        <translation>各欄にマウスを重ねると、既定値の出典が表示されます。</translation>
    </message>
</context>
<context>
    <name>CLI</name>
    <message>
        <source>{0!r} must be a whole number of at least 1</source>
        <translation>{0!r} は 1 以上の整数にしてください</translation>
    </message>
    <message>
        <source>{0!r} is not one of {1}</source>
        <translation>{0!r} は選べる値（{1}）のどれでもありません</translation>
    </message>
    <message>
        <source>{0!r} must look like GPU_ID:COUNT, e.g. rtx-a6000:4</source>
        <translation>{0!r} は GPU_ID:枚数 の形にしてください（例：rtx-a6000:4）</translation>
    </message>
    <message>
        <source>; </source>
        <translation>。</translation>
    </message>
    <message>
        <source>continued pre-training tokens as a fraction of Chinchilla&apos;s</source>
        <translation>継続事前学習のトークン数（Chinchilla の値に対する割合）</translation>
    </message>
    <message>
        <source>MFU against 6·N·D (0-1) to use instead of the calibrated utilisation model (docs/time.md)</source>
        <translation>較正済みの利用効率モデルの代わりに使う 6·N·D に対する MFU（0〜1、docs/time.md）</translation>
    </message>
    <message>
        <source>Plan GPUs, time and cost for LLM work.</source>
        <translation>LLM の作業に必要なGPU、期間、費用を計画します。</translation>
    </message>
    <message>
        <source>check this installation: load the catalog, plan each goal, write PDFs to a temporary folder</source>
        <translation>このインストールを確認：カタログを読み込み、目的ごとに計画し、一時フォルダに PDF を書き出す</translation>
    </message>
    <message>
        <source>open the wizard (the default)</source>
        <translation>ウィザードを開く（既定）</translation>
    </message>
    <message>
        <source>plan one scenario</source>
        <translation>1つのシナリオを計画する</translation>
    </message>
    <message>
        <source>count the training data in these files or folders (txt, jsonl, csv, parquet, code) instead of giving --tokens or --samples; repeatable</source>
        <translation>--tokens や --samples の代わりに、これらのファイルまたはフォルダ（txt、jsonl、csv、parquet、コード）の学習データを数える。複数指定可</translation>
    </message>
    <message>
        <source>with --data: the tokenizer family (llama2, llama3, qwen, gemma, deepseek-v3, cl100k, o200k, llm-jp) or a tokenizer.json to count exactly; default: the model&apos;s</source>
        <translation>--data と併用：トークナイザーの系統（llama2、llama3、qwen、gemma、deepseek-v3、cl100k、o200k、llm-jp）、または正確に数えるための tokenizer.json。既定はモデル自身のもの</translation>
    </message>
    <message>
        <source>goal and model</source>
        <translation>目的とモデル</translation>
    </message>
    <message>
        <source>catalog model id (see: gpu-planner catalog models)</source>
        <translation>カタログのモデルID（一覧：gpu-planner catalog models）</translation>
    </message>
    <message>
        <source>a local model instead of --model: a config.json, a model folder (config.json + safetensors) or a .gguf file</source>
        <translation>--model の代わりに手元のモデルを使う：config.json、モデルフォルダ（config.json と safetensors）、または .gguf ファイル</translation>
    </message>
    <message>
        <source>total parameters, e.g. 7B</source>
        <translation>総パラメータ数（例：7B）</translation>
    </message>
    <message>
        <source>active parameters per token (MoE)</source>
        <translation>1トークンあたりのアクティブパラメータ数（MoE）</translation>
    </message>
    <message>
        <source>data</source>
        <translation>データ</translation>
    </message>
    <message>
        <source>training</source>
        <translation>学習</translation>
    </message>
    <message>
        <source>training precision; a comma list searches each (e.g. bf16,fp8)</source>
        <translation>学習の数値形式。カンマ区切りで複数を比較（例：bf16,fp8）</translation>
    </message>
    <message>
        <source>the training framework: how it stores weights, gradients and optimizer states</source>
        <translation>学習フレームワーク：重み・勾配・オプティマイザ状態の持ち方を決めます</translation>
    </message>
    <message>
        <source>ZeRO stage (Megatron: 1 = distributed optimizer; FSDP: 3 = full sharding); default: searched</source>
        <translation>ZeRO ステージ（Megatron：1 = 分散オプティマイザ、FSDP：3 = 完全シャーディング）。既定：探索</translation>
    </message>
    <message>
        <source>how the loss holds the logits: fp32 (Hugging Face, torchtitan, Megatron), bf16, chunked (torchtune&apos;s default), fused (Liger, Cut Cross-Entropy)</source>
        <translation>損失がロジットをどう持つか：fp32（Hugging Face、torchtitan、Megatron）、bf16、chunked（torchtune の既定）、fused（Liger、Cut Cross-Entropy）</translation>
    </message>
    <message>
        <source>optimizer, params, nvme, activations, or none; default: only when nothing fits otherwise</source>
        <translation>optimizer（オプティマイザ状態）、params（重みも）、nvme、activations（アクティベーション）、または none。既定：他に収まる構成がないときだけ</translation>
    </message>
    <message>
        <source>step the optimizer inside backward, keeping no gradients (torchtune, FSDP); default: only when nothing fits otherwise</source>
        <translation>逆伝播の中でオプティマイザを更新し、勾配を保持しない（torchtune、FSDP）。既定：他に収まる構成がないときだけ</translation>
    </message>
    <message>
        <source>sequences per optimizer step (sets the micro-batches in flight and gradient accumulation)</source>
        <translation>オプティマイザ1回あたりの系列数（実行中のマイクロバッチ数と勾配累積を決めます）</translation>
    </message>
    <message>
        <source>inference</source>
        <translation>推論</translation>
    </message>
    <message>
        <source>weight format (a comma list searches each): </source>
        <translation>重みの形式（量子化）。カンマ区切りで複数を比較：</translation>
    </message>
    <message>
        <source>peak number of users with a request in flight (the same as --concurrency)</source>
        <translation>リクエストを処理中のユーザー数のピーク（--concurrency と同じ）</translation>
    </message>
    <message>
        <source>prompt tokens per request (default: the context less the answer)</source>
        <translation>1リクエストのプロンプトのトークン数（既定：コンテキストから回答を引いた長さ）</translation>
    </message>
    <message>
        <source>peak requests per second, instead of --users (needs --min-tokens-per-s)</source>
        <translation>ピーク時の毎秒リクエスト数。--users の代わりに指定（--min-tokens-per-s が必要）</translation>
    </message>
    <message>
        <source>requests per day, spread over --hours-per-day, instead of --users</source>
        <translation>1日のリクエスト数。--hours-per-day に均等に分散。--users の代わりに指定</translation>
    </message>
    <message>
        <source>service level: answer tokens per second each user sees, at least</source>
        <translation>サービスレベル：各ユーザーが受け取る回答の毎秒トークン数の下限</translation>
    </message>
    <message>
        <source>service level: seconds to the first token, at most</source>
        <translation>サービスレベル：最初のトークンまでの秒数の上限</translation>
    </message>
    <message>
        <source>n+1: one replica more than the load needs, the targets met with it down</source>
        <translation>n+1：負荷に必要な数より1つ多いレプリカ。1つが停止しても目標を満たします</translation>
    </message>
    <message>
        <source>llama.cpp: layers on the GPU (-ngl), the rest on the CPU; default: as many as fit</source>
        <translation>llama.cpp：GPU に置く層の数（-ngl）、残りは CPU。既定：収まるだけ</translation>
    </message>
    <message>
        <source>bits per weight of the format, 1.5 to 16 (EXL2-style mixes, AWQ/GPTQ group sizes); default: the format&apos;s own</source>
        <translation>重み形式のビット数（1.5〜16。EXL2 形式の混合、AWQ/GPTQ のグループサイズなど）。既定：形式そのもの</translation>
    </message>
    <message>
        <source>hardware</source>
        <translation>ハードウェア</translation>
    </message>
    <message>
        <source>catalog GPU id (see: gpu-planner catalog gpus)</source>
        <translation>カタログのGPU ID（一覧：gpu-planner catalog gpus）</translation>
    </message>
    <message>
        <source>GPU count for --gpu</source>
        <translation>--gpu の枚数</translation>
    </message>
    <message>
        <source>context parallelism (splits long sequences; Megatron, FSDP)</source>
        <translation>コンテキスト並列（長い系列を分割。Megatron、FSDP）</translation>
    </message>
    <message>
        <source>expert parallelism (MoE models; Megatron, FSDP)</source>
        <translation>エキスパート並列（MoE モデル。Megatron、FSDP）</translation>
    </message>
    <message>
        <source>virtual pipeline stages per pipeline rank (interleaved schedule)</source>
        <translation>パイプライン1段あたりの仮想ステージ数（インターリーブ）</translation>
    </message>
    <message>
        <source>sequence parallelism with tensor parallelism (default yes)</source>
        <translation>テンソル並列と併用するシーケンス並列（既定 yes）</translation>
    </message>
    <message>
        <source>budget</source>
        <translation>予算</translation>
    </message>
    <message>
        <source>on-prem facility power available (GPUs x TDP x PUE)</source>
        <translation>オンプレで使える設備電力（GPU枚数 × TDP × PUE）</translation>
    </message>
    <message>
        <source>cost: cheapest meeting the deadline first (default); time: fastest within budget first</source>
        <translation>cost：期限に間に合う最安を優先（既定）、time：予算内で最速を優先</translation>
    </message>
    <message>
        <source>prices and on-prem</source>
        <translation>価格とオンプレ</translation>
    </message>
    <message>
        <source>which catalog cloud offers to price with (default on-demand)</source>
        <translation>クラウド費用に使うカタログ料金の種類（既定：オンデマンド on-demand）</translation>
    </message>
    <message>
        <source>price the cloud with this catalog offer (see: gpu-planner catalog offers)</source>
        <translation>このカタログ料金でクラウド費用を計算（一覧：gpu-planner catalog offers）</translation>
    </message>
    <message>
        <source>the date of the --fx rate, cited in the report</source>
        <translation>--fx の為替レートの日付（レポートに記載）</translation>
    </message>
    <message>
        <source>output</source>
        <translation>出力</translation>
    </message>
    <message>
        <source>JSON document version: 2 (default), or 1 as before (kept for one release)</source>
        <translation>JSON 文書の版：2（既定）、または従来の 1（次の1リリースまで維持）</translation>
    </message>
    <message>
        <source>write the recommendation report (A4 PDF)</source>
        <translation>推奨構成のレポートを書き出す（A4 PDF）</translation>
    </message>
    <message>
        <source>write the plan file the desktop app opens</source>
        <translation>デスクトップアプリで開ける計画ファイルを書き出す</translation>
    </message>
    <message>
        <source>plan name printed on the report</source>
        <translation>レポートに印刷する計画名</translation>
    </message>
    <message>
        <source>show at most this many options in the text summary</source>
        <translation>テキスト要約に表示する候補の最大数</translation>
    </message>
    <message>
        <source>allowed: {0}</source>
        <translation>使える範囲：{0}</translation>
    </message>
    <message>
        <source>language of messages and reports (default: the system&apos;s)</source>
        <translation>メッセージとレポートの言語（既定：システムの言語）</translation>
    </message>
    <message>
        <source>list, import, export or build catalog entries</source>
        <translation>カタログ項目の一覧・取り込み・書き出し・構築</translation>
    </message>
    <message>
        <source>list {0} (shipped and your own)</source>
        <translation>{0}の一覧（同梱と自分の項目）</translation>
    </message>
    <message>
        <source>add or replace your own entries from a CSV (all rows or none)</source>
        <translation>CSV から自分の項目を追加・置換（全行か、まったく取り込まないか）</translation>
    </message>
    <message>
        <source>show what the file would add and change, and write nothing</source>
        <translation>ファイルで追加・変更される内容を表示し、何も書き込まない</translation>
    </message>
    <message>
        <source>write entries to a CSV in the import format</source>
        <translation>項目を取り込み形式の CSV に書き出す</translation>
    </message>
    <message>
        <source>delete one of your own entries</source>
        <translation>自分の項目を1つ削除する</translation>
    </message>
    <message>
        <source>(developers) build catalog.db from resources/data/*.csv</source>
        <translation>（開発者向け）resources/data/*.csv から catalog.db を構築</translation>
    </message>
    <message>
        <source>what you can do with GPUs you own: every goal x model size</source>
        <translation>保有GPUでできること：目的 × モデル規模ごと</translation>
    </message>
    <message>
        <source>e.g. rtx-a6000:4</source>
        <translation>例：rtx-a6000:4</translation>
    </message>
    <message>
        <source>record a training run you measured; later plans on that GPU and stack use it</source>
        <translation>自分で測定した学習の実績を記録します。以後、その GPU と学習環境の計画に反映されます</translation>
    </message>
    <message>
        <source>the GPU it ran on (catalog id)</source>
        <translation>実行した GPU（カタログの ID）</translation>
    </message>
    <message>
        <source>the model trained (catalog id)</source>
        <translation>学習したモデル（カタログの ID）</translation>
    </message>
    <message>
        <source>the training software</source>
        <translation>学習に使ったソフトウェア</translation>
    </message>
    <message>
        <source>pre-training, or a full / LoRA / QLoRA fine-tune (default full)</source>
        <translation>事前学習、またはフル / LoRA / QLoRA のファインチューニング（既定：フル）</translation>
    </message>
    <message>
        <source>how many GPUs</source>
        <translation>GPU の枚数</translation>
    </message>
    <message>
        <source>tokens per sequence (default 4096)</source>
        <translation>1シーケンスのトークン数（既定 4096）</translation>
    </message>
    <message>
        <source>measured tokens per second per GPU</source>
        <translation>測定した GPU 1枚あたりの毎秒トークン数</translation>
    </message>
    <message>
        <source>or: measured seconds per optimizer step (with --global-batch)</source>
        <translation>または：測定したオプティマイザ1ステップの秒数（--global-batch と併用）</translation>
    </message>
    <message>
        <source>sequences per optimizer step</source>
        <translation>オプティマイザ1ステップのシーケンス数</translation>
    </message>
    <message>
        <source>a name for this measurement (default: made from the setup)</source>
        <translation>この測定の名前（既定：構成から作成）</translation>
    </message>
    <message>
        <source>list your measurements and what the planner predicts for each</source>
        <translation>記録した測定と、それぞれに対する本アプリの予測を一覧表示</translation>
    </message>
    <message>
        <source>2 to 6 plan files side by side: the inputs that differ, the results, what moves each</source>
        <translation>2〜6個のプランファイルを並べて比較：異なる入力、結果、それぞれを動かす要因</translation>
    </message>
    <message>
        <source>write a comparison report</source>
        <translation>比較レポートを書き出す</translation>
    </message>
    <message>
        <source>characters, bytes and tokens of a text corpus (files or folders)</source>
        <translation>テキストコーパス（ファイルまたはフォルダ）の文字数・バイト数・トークン数</translation>
    </message>
    <message>
        <source>a tokenizer family to show first, or a tokenizer.json to count exactly (the tokenizers library)</source>
        <translation>先頭に表示するトークナイザーの系統、または正確に数えるための tokenizer.json（tokenizers ライブラリ）</translation>
    </message>
    <message>
        <source>add a model read from a config.json, model folder or .gguf file to your catalog</source>
        <translation>config.json、モデルフォルダまたは .gguf ファイルから読んだモデルを自分のカタログに追加する</translation>
    </message>
    <message>
        <source>its catalog id (default: from the file name)</source>
        <translation>カタログでのID（既定：ファイル名から）</translation>
    </message>
    <message>
        <source>predicted vs reported GPU-hours for the catalog&apos;s published runs</source>
        <translation>カタログの公表事例について、予測と公表のGPU時間を比較</translation>
    </message>
    <message>
        <source>argument {0}: unknown GPU {1!r}; allowed: {2}</source>
        <translation>引数 {0}：GPU {1!r} はありません。選べる値：{2}</translation>
    </message>
    <message>
        <source>; did you mean {0}?</source>
        <translation>。候補：{0}</translation>
    </message>
    <message>
        <source>argument {0}: {1!r}: {2}</source>
        <translation>引数 {0}：{1!r}：{2}</translation>
    </message>
    <message>
        <source>argument {0}: {1}</source>
        <translation>引数 {0}：{1}</translation>
    </message>
    <message>
        <source>invalid input: {0}</source>
        <translation>入力が正しくありません：{0}</translation>
    </message>
    <message>
        <source>wrote {0} ({1} pages)</source>
        <translation>{0} を書き出しました（{1} ページ）</translation>
    </message>
    <message>
        <source>undated</source>
        <translation>日付なし</translation>
    </message>
    <message>
        <source>{0}, {1} months old</source>
        <translation>{0}、{1} か月前</translation>
    </message>
    <message>
        <source>buy ${0:,.0f} ({1})</source>
        <translation>購入 ${0:,.0f}（{1}）</translation>
    </message>
    <message>
        <source>not sold separately</source>
        <translation>単体販売なし</translation>
    </message>
    <message>
        <source>no purchase price</source>
        <translation>購入価格なし</translation>
    </message>
    <message>
        <source>; server of {0} ${1:,.0f} ({2})</source>
        <translation>、{0} 枚搭載サーバー ${1:,.0f}（{2}）</translation>
    </message>
    <message>
        <source>PCIe only</source>
        <translation>PCIe のみ</translation>
    </message>
    <message>
        <source> ({0:.1f}B active)</source>
        <translation>（アクティブ {0:.1f}B）</translation>
    </message>
    <message>
        <source>{0:8.2f}B{1}  context {2}  {3}</source>
        <translation>{0:8.2f}B{1}  コンテキスト {2}  {3}</translation>
    </message>
    <message>
        <source>{0:,.0f} GPU-hours</source>
        <translation>{0:,.0f} GPU時間</translation>
    </message>
    <message>
        <source>GPU-hours not published</source>
        <translation>GPU時間は非公表</translation>
    </message>
    <message>
        <source>  serves {0}</source>
        <translation>  {0} を提供</translation>
    </message>
    <message>
        <source>{0:g} in / {1:g} out {2} per 1M tokens{3}</source>
        <translation>100万トークンあたり 入力 {0:g} / 出力 {1:g} {2}{3}</translation>
    </message>
    <message>
        <source>{0} x {1}, {2} ({3}): {4:,.0f} tokens/s per GPU</source>
        <translation>{1} × {0} 枚、{2}（{3}）：GPU 1枚あたり毎秒 {4:,.0f} トークン</translation>
    </message>
    <message>
        <source>{0}  {1:g} {2} per GPU-hour  {3}  {4}</source>
        <translation>{0}  GPU 1時間あたり {1:g} {2}  {3}  {4}</translation>
    </message>
    <message>
        <source>  [yours]</source>
        <translation>  [自分の項目]</translation>
    </message>
    <message>
        <source>(as of {0})</source>
        <translation>（{0} 時点）</translation>
    </message>
    <message>
        <source>{0}: {1} new, {2} changed, {3} the same</source>
        <translation>{0}：新規 {1} 件、変更 {2} 件、変更なし {3} 件</translation>
    </message>
    <message>
        <source>{0} (dry run): would add {1}, change {2}, leave {3} the same</source>
        <translation>{0}（試行）：追加 {1} 件、変更 {2} 件、変更なし {3} 件になります</translation>
    </message>
    <message>
        <source>  … and {0} more</source>
        <translation>  …ほか {0} 件</translation>
    </message>
    <message>
        <source>GPUs</source>
        <translation>GPU枚数</translation>
    </message>
    <message>
        <source>models</source>
        <translation>モデル</translation>
    </message>
    <message>
        <source>published runs</source>
        <translation>公表事例</translation>
    </message>
    <message>
        <source>cloud offers</source>
        <translation>クラウド料金</translation>
    </message>
    <message>
        <source>your measured runs</source>
        <translation>自分の測定実績</translation>
    </message>
    <message>
        <source>API prices</source>
        <translation>API の価格</translation>
    </message>
    <message>
        <source>argument {0}: folder {1!r} does not exist</source>
        <translation>引数 {0}：フォルダ {1!r} がありません</translation>
    </message>
    <message>
        <source>argument {0}: cannot write {1!r}: {2}</source>
        <translation>引数 {0}：{1!r} に書き込めません：{2}</translation>
    </message>
    <message>
        <source>argument {0}: {1!r} is a folder, not a file</source>
        <translation>引数 {0}：{1!r} はファイルではなくフォルダです</translation>
    </message>
    <message>
        <source>built {0}: {1}</source>
        <translation>{0} を構築しました：{1}</translation>
    </message>
    <message>
        <source>gpu-planner: warning: {0}</source>
        <translation>gpu-planner：警告：{0}</translation>
    </message>
    <message>
        <source>argument FILE.csv: {0!r} does not exist</source>
        <translation>引数 FILE.csv：{0!r} がありません</translation>
    </message>
    <message>
        <source>argument FILE.csv: {0}</source>
        <translation>引数 FILE.csv：{0}</translation>
    </message>
    <message>
        <source>argument FILE.csv: cannot read {0!r}: {1}</source>
        <translation>引数 FILE.csv：{0!r} を読み込めません：{1}</translation>
    </message>
    <message>
        <source> (and {0} more)</source>
        <translation>（ほか {0} 件）</translation>
    </message>
    <message>
        <source>{0}: nothing imported: {1}{2}</source>
        <translation>{0}：何も取り込みませんでした：{1}{2}</translation>
    </message>
    <message>
        <source>imported {0} {1} into {2} ({3} new, {4} replacing an existing id)</source>
        <translation>{1}を {0} 件 {2} に取り込みました（新規 {3} 件、既存 ID の置換 {4} 件）</translation>
    </message>
    <message>
        <source>nothing written (--dry-run)</source>
        <translation>何も書き込んでいません（--dry-run）</translation>
    </message>
    <message>
        <source>note: {0} was read as Shift-JIS (cp932), not UTF-8</source>
        <translation>注意：{0} は UTF-8 ではなく Shift-JIS（cp932）として読み込みました</translation>
    </message>
    <message>
        <source>wrote {0} {1} to {2}</source>
        <translation>{1}を {0} 件 {2} に書き出しました</translation>
    </message>
    <message>
        <source>argument ID: {0!r} is not one of your own {1} (shipped entries cannot be removed; import a row with the same id to override one)</source>
        <translation>引数 ID：{0!r} はあなたが追加した{1}ではありません（同梱の項目は削除できません。同じ ID の行を取り込むと上書きできます）</translation>
    </message>
    <message>
        <source>removed {0} from your {1}</source>
        <translation>あなたの{1}から {0} を削除しました</translation>
    </message>
    <message>
        <source>No measurements yet: record one with gpu-planner calibrate --gpu … --model … --stack … --gpus … --tokens-per-s …</source>
        <translation>測定実績はまだありません。gpu-planner calibrate --gpu … --model … --stack … --gpus … --tokens-per-s … で記録できます</translation>
    </message>
    <message>
        <source>{0}: {1} x {2}, {3} ({4}, {5}): measured {6:,.0f} tokens/s per GPU, predicted {7:,.0f} (x{8:.2f})</source>
        <translation>{0}：{2} × {1} 枚、{3}（{4}、{5}）：実測 GPU 1枚あたり毎秒 {6:,.0f} トークン、予測 {7:,.0f}（×{8:.2f}）</translation>
    </message>
    <message>
        <source>{0} is required: the setup you measured</source>
        <translation>{0} が必要です（測定した構成）</translation>
    </message>
    <message>
        <source>--gpu {0!r} is not in the catalog; see gpu-planner catalog gpus</source>
        <translation>--gpu {0!r} はカタログにありません。gpu-planner catalog gpus を参照してください</translation>
    </message>
    <message>
        <source>--model {0!r} is not in the catalog; see gpu-planner catalog models</source>
        <translation>--model {0!r} はカタログにありません。gpu-planner catalog models を参照してください</translation>
    </message>
    <message>
        <source>{0} {1} must be greater than 0</source>
        <translation>{0} {1} は 0 より大きくしてください</translation>
    </message>
    <message>
        <source>give --tokens-per-s, or --step-time-s with --global-batch</source>
        <translation>--tokens-per-s、または --step-time-s と --global-batch を指定してください</translation>
    </message>
    <message>
        <source>--step-time-s needs --global-batch (sequences per step)</source>
        <translation>--step-time-s には --global-batch（1ステップのシーケンス数）が必要です</translation>
    </message>
    <message>
        <source>recorded {0}: {1:,.0f} tokens/s per GPU measured, {2:,.0f} predicted; plans on {3} with {4} now use x{5:.2f}</source>
        <translation>{0} を記録しました：実測 GPU 1枚あたり毎秒 {1:,.0f} トークン、予測 {2:,.0f}。以後 {3} と {4} の計画には ×{5:.2f} を使います</translation>
    </message>
    <message>
        <source>compare takes 2 to 6 plan files, not {0}</source>
        <translation>compare には2〜6個のプランファイルが必要です（指定は {0} 個）</translation>
    </message>
    <message>
        <source>cannot be opened ({0})</source>
        <translation>開けません（{0}）</translation>
    </message>
    <message>
        <source>{0}: {1}</source>
        <translation>{0}：{1}</translation>
    </message>
    <message>
        <source>unknown command {0!r}</source>
        <translation>コマンド {0!r} はありません</translation>
    </message>
    <message>
        <source>gpu-planner: error: {0}</source>
        <translation>gpu-planner：エラー：{0}</translation>
    </message>
    <message>
        <source>gpu-planner: internal error: {0}: {1}</source>
        <translation>gpu-planner：内部エラー：{0}：{1}</translation>
    </message>
    <message>
        <source>argument {0}: cannot read {1!r}: {2}</source>
        <translation>引数 {0}：{1!r} を読めません：{2}</translation>
    </message>
    <message>
        <source>argument {0}: no text files found in {1} ({2} skipped: {3})</source>
        <translation>引数 {0}：{1} にテキストファイルがありません（{2} 件をスキップ：{3}）</translation>
    </message>
    <message>
        <source>argument {0}: needs --data (the files to count)</source>
        <translation>引数 {0}：--data（数えるファイル）が必要です</translation>
    </message>
    <message>
        <source>argument {0}: give either --data or {1}, not both</source>
        <translation>引数 {0}：--data と {1} はどちらか一方だけを指定してください</translation>
    </message>
    <message>
        <source>argument {0}: counts training data; it does not apply to inference</source>
        <translation>引数 {0}：学習データを数えるものです。推論には使えません</translation>
    </message>
    <message>
        <source>argument {0}: this model&apos;s tokenizer is not known; give a family ({1}) or a tokenizer.json</source>
        <translation>引数 {0}：このモデルのトークナイザーが不明です。系統（{1}）または tokenizer.json を指定してください</translation>
    </message>
    <message>
        <source>added model {0} ({1} parameters) to your catalog; plan it with --model {0}</source>
        <translation>モデル {0}（パラメータ {1}）をカタログに追加しました。--model {0} で計画できます</translation>
    </message>
</context>
<context>
    <name>Capacity</name>
    <message>
        <source>○ yes</source>
        <translation>○ 可</translation>
    </message>
    <message>
        <source>△ slow</source>
        <translation>△ 遅い</translation>
    </message>
    <message>
        <source>× no</source>
        <translation>× 不可</translation>
    </message>
    <message>
        <source>Inference</source>
        <translation>推論</translation>
    </message>
    <message>
        <source>Fine-tuning (100M tokens)</source>
        <translation>ファインチューニング（1億トークン）</translation>
    </message>
    <message>
        <source>Continued pre-training (10% of Chinchilla tokens)</source>
        <translation>継続事前学習（Chinchilla トークン数の10%）</translation>
    </message>
    <message>
        <source>From scratch (Chinchilla: 20 tokens per parameter)</source>
        <translation>フルスクラッチ（Chinchilla：パラメータあたり20トークン）</translation>
    </message>
    <message>
        <source>What {0} x {1} can do (○ within 90 days, △ within a year, × does not fit or longer):</source>
        <translation>{1} × {0} 枚でできること（○ 90日以内、△ 1年以内、× メモリに収まらないか1年超）：</translation>
    </message>
    <message>
        <source>{0:.1f} tokens/s per sequence</source>
        <translation>1系列あたり毎秒 {0:.1f} トークン</translation>
    </message>
    <message>
        <source>needs {0} per GPU</source>
        <translation>GPUあたり {0} 必要</translation>
    </message>
</context>
<context>
    <name>CatalogBrowser</name>
    <message>
        <source>GPUs</source>
        <translation>GPU枚数</translation>
    </message>
    <message>
        <source>Models</source>
        <translation>モデル</translation>
    </message>
    <message>
        <source>Published runs</source>
        <translation>公表事例</translation>
    </message>
    <message>
        <source>Cloud offers</source>
        <translation>クラウド料金</translation>
    </message>
    <message>
        <source>My measured runs</source>
        <translation>自分の測定実績</translation>
    </message>
    <message>
        <source>API prices</source>
        <translation>API の価格</translation>
    </message>
    <message>
        <source>yours</source>
        <translation>自分の項目</translation>
    </message>
    <message>
        <source>shipped</source>
        <translation>同梱</translation>
    </message>
    <message>
        <source>Catalog</source>
        <translation>カタログ</translation>
    </message>
    <message>
        <source>Filter…</source>
        <translation>絞り込み…</translation>
    </message>
    <message>
        <source>&amp;Add…</source>
        <translation>追加(&amp;A)…</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>編集(&amp;E)…</translation>
    </message>
    <message>
        <source>&amp;Remove mine</source>
        <translation>自分の項目を削除(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Import CSV…</source>
        <translation>CSVを取り込む(&amp;I)…</translation>
    </message>
    <message>
        <source>E&amp;xport CSV…</source>
        <translation>CSVに書き出す(&amp;X)…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>閉じる</translation>
    </message>
    <message>
        <source>Shipped entries are read-only; yours live in {0} and win over shipped ones with the same id.</source>
        <translation>同梱の項目は読み取り専用です。あなたが追加した項目は {0} に保存され、同じ ID の同梱項目より優先されます。</translation>
    </message>
    <message>
        <source>Origin</source>
        <translation>由来</translation>
    </message>
    <message>
        <source>Nothing imported</source>
        <translation>取り込みませんでした</translation>
    </message>
    <message>
        <source>{0} was read as Shift-JIS (cp932), the CSV that Excel writes on Japanese Windows.</source>
        <translation>{0} を Shift-JIS（cp932、日本語版 Windows の Excel が書き出す CSV）として読み込みました。</translation>
    </message>
    <message>
        <source>Only your own entries can be removed.</source>
        <translation>削除できるのは自分で追加した項目だけです。</translation>
    </message>
    <message>
        <source>Import CSV</source>
        <translation>CSVを取り込む</translation>
    </message>
    <message>
        <source>{0} adds {1} entries and changes {2}; {3} stay the same.</source>
        <translation>{0} で追加 {1} 件、変更 {2} 件、変更なし {3} 件になります。</translation>
    </message>
    <message>
        <source>Apply these changes to your catalog?</source>
        <translation>この変更をカタログに反映しますか？</translation>
    </message>
    <message>
        <source>Export CSV</source>
        <translation>CSVに書き出す</translation>
    </message>
</context>
<context>
    <name>CatalogColumns</name>
    <message>
        <source>As of</source>
        <translation>時点</translation>
    </message>
    <message>
        <source>Memory bandwidth (TB/s)</source>
        <translation>メモリ帯域（TB/s）</translation>
    </message>
    <message>
        <source>BF16 dense TFLOPS</source>
        <translation>BF16 密 TFLOPS</translation>
    </message>
    <message>
        <source>Cloud price source</source>
        <translation>クラウド価格の出典</translation>
    </message>
    <message>
        <source>Cloud USD per GPU-hour</source>
        <translation>クラウド USD／GPU時間</translation>
    </message>
    <message>
        <source>Context (tokens)</source>
        <translation>コンテキスト（トークン数）</translation>
    </message>
    <message>
        <source>Cost: how known</source>
        <translation>費用の根拠</translation>
    </message>
    <message>
        <source>Cost (USD)</source>
        <translation>費用（USD）</translation>
    </message>
    <message>
        <source>Currency</source>
        <translation>通貨</translation>
    </message>
    <message>
        <source>Days</source>
        <translation>日数</translation>
    </message>
    <message>
        <source>Days: how known</source>
        <translation>日数の根拠</translation>
    </message>
    <message>
        <source>Who may use it</source>
        <translation>利用資格</translation>
    </message>
    <message>
        <source>Experts per token</source>
        <translation>トークンあたりエキスパート数</translation>
    </message>
    <message>
        <source>FFN size</source>
        <translation>FFN 次元</translation>
    </message>
    <message>
        <source>FP16 dense TFLOPS</source>
        <translation>FP16 密 TFLOPS</translation>
    </message>
    <message>
        <source>FP8 dense TFLOPS</source>
        <translation>FP8 密 TFLOPS</translation>
    </message>
    <message>
        <source>Gated FFN</source>
        <translation>ゲート付き FFN</translation>
    </message>
    <message>
        <source>GPU</source>
        <translation>GPU</translation>
    </message>
    <message>
        <source>GPU count</source>
        <translation>GPU枚数</translation>
    </message>
    <message>
        <source>GPU count: how known</source>
        <translation>GPU枚数の根拠</translation>
    </message>
    <message>
        <source>GPU-hours</source>
        <translation>GPU時間</translation>
    </message>
    <message>
        <source>GPU-hours: how known</source>
        <translation>GPU時間の根拠</translation>
    </message>
    <message>
        <source>GPU name</source>
        <translation>GPU名</translation>
    </message>
    <message>
        <source>GPUs per instance</source>
        <translation>インスタンスあたりGPU枚数</translation>
    </message>
    <message>
        <source>GPUs per server</source>
        <translation>サーバーあたりGPU枚数</translation>
    </message>
    <message>
        <source>Head size</source>
        <translation>ヘッド次元</translation>
    </message>
    <message>
        <source>Attention heads</source>
        <translation>アテンションヘッド数</translation>
    </message>
    <message>
        <source>Input per 1M tokens</source>
        <translation>入力100万トークンあたり</translation>
    </message>
    <message>
        <source>Output per 1M tokens</source>
        <translation>出力100万トークンあたり</translation>
    </message>
    <message>
        <source>Open model served</source>
        <translation>提供するオープンモデル</translation>
    </message>
    <message>
        <source>Hidden size</source>
        <translation>隠れ次元</translation>
    </message>
    <message>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>Instance</source>
        <translation>インスタンス</translation>
    </message>
    <message>
        <source>INT8 dense TOPS</source>
        <translation>INT8 密 TOPS</translation>
    </message>
    <message>
        <source>KV values per token and layer</source>
        <translation>トークン・層あたりの KV 要素数</translation>
    </message>
    <message>
        <source>Sliding window (tokens)</source>
        <translation>スライディングウィンドウ（トークン）</translation>
    </message>
    <message>
        <source>Sliding-window layers</source>
        <translation>スライディングウィンドウの層数</translation>
    </message>
    <message>
        <source>KV heads</source>
        <translation>KVヘッド数</translation>
    </message>
    <message>
        <source>Layers</source>
        <translation>層数</translation>
    </message>
    <message>
        <source>Licence</source>
        <translation>ライセンス</translation>
    </message>
    <message>
        <source>Achievable matmul share (MAMF)</source>
        <translation>達成可能な行列演算の割合（MAMF）</translation>
    </message>
    <message>
        <source>Memory (GiB)</source>
        <translation>メモリ（GiB）</translation>
    </message>
    <message>
        <source>MFU</source>
        <translation>MFU</translation>
    </message>
    <message>
        <source>MFU: how known</source>
        <translation>MFU の根拠</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>モデル</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名前</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>備考</translation>
    </message>
    <message>
        <source>Experts</source>
        <translation>エキスパート数</translation>
    </message>
    <message>
        <source>GPUs joined by NVLink</source>
        <translation>NVLink で接続されるGPU枚数</translation>
    </message>
    <message>
        <source>NVLink (GB/s)</source>
        <translation>NVLink（GB/s）</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>組織</translation>
    </message>
    <message>
        <source>Active parameters</source>
        <translation>アクティブパラメータ数</translation>
    </message>
    <message>
        <source>Parameters as stated</source>
        <translation>公称パラメータ数</translation>
    </message>
    <message>
        <source>Parameters: how known</source>
        <translation>パラメータ数の根拠</translation>
    </message>
    <message>
        <source>Total parameters</source>
        <translation>総パラメータ数</translation>
    </message>
    <message>
        <source>PCIe generation</source>
        <translation>PCIe 世代</translation>
    </message>
    <message>
        <source>Number format</source>
        <translation>数値形式</translation>
    </message>
    <message>
        <source>Price as of</source>
        <translation>価格の時点</translation>
    </message>
    <message>
        <source>Price per GPU-hour</source>
        <translation>GPU 1時間あたりの価格</translation>
    </message>
    <message>
        <source>Price source</source>
        <translation>価格の出典</translation>
    </message>
    <message>
        <source>Purchase price (USD)</source>
        <translation>購入価格（USD）</translation>
    </message>
    <message>
        <source>Kind of price</source>
        <translation>料金の種類</translation>
    </message>
    <message>
        <source>Provider</source>
        <translation>事業者</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>リージョン</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>出典</translation>
    </message>
    <message>
        <source>Training stack</source>
        <translation>学習環境</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>手法</translation>
    </message>
    <message>
        <source>Sequence length</source>
        <translation>シーケンス長</translation>
    </message>
    <message>
        <source>Measured tokens/s per GPU</source>
        <translation>実測の毎秒トークン数（GPU 1枚）</translation>
    </message>
    <message>
        <source>Power (TDP, W)</source>
        <translation>消費電力（TDP、W）</translation>
    </message>
    <message>
        <source>TFLOPS per GPU</source>
        <translation>GPUあたり TFLOPS</translation>
    </message>
    <message>
        <source>Tied embeddings</source>
        <translation>埋め込みの共有</translation>
    </message>
    <message>
        <source>Tokens</source>
        <translation>トークン数</translation>
    </message>
    <message>
        <source>Tokens: how known</source>
        <translation>トークン数の根拠</translation>
    </message>
    <message>
        <source>Vendor</source>
        <translation>メーカー</translation>
    </message>
    <message>
        <source>Vocabulary</source>
        <translation>語彙数</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>年</translation>
    </message>
</context>
<context>
    <name>CatalogCsv</name>
    <message>
        <source>is required ({allowed})</source>
        <translation>入力が必要です（{allowed}）</translation>
    </message>
    <message>
        <source>{value!r} is not an id: use {allowed}</source>
        <translation>{value!r} は ID ではありません。使える文字：{allowed}</translation>
    </message>
    <message>
        <source>{value!r} is not {allowed}</source>
        <translation>{value!r} は {allowed} ではありません</translation>
    </message>
    <message>
        <source>{value!r} is out of range: {allowed}</source>
        <translation>{value!r} は範囲外です：{allowed}</translation>
    </message>
    <message>
        <source>the file is empty; expected a header line</source>
        <translation>ファイルが空です。見出し行が必要です</translation>
    </message>
    <message>
        <source>unknown column for {kind}; allowed: {columns}</source>
        <translation>{kind} にない列です。使える列：{columns}</translation>
    </message>
    <message>
        <source>required column is missing from the header ({allowed})</source>
        <translation>必須の列が見出しにありません（{allowed}）</translation>
    </message>
    <message>
        <source>more cells than header columns ({count})</source>
        <translation>見出しの列数（{count}）より多くのセルがあります</translation>
    </message>
    <message>
        <source>duplicate id {value!r} (first on line {first})</source>
        <translation>ID {value!r} が重複しています（最初は {first} 行目）</translation>
    </message>
    <message>
        <source>neither UTF-8 nor Shift-JIS (cp932) text; save the CSV as UTF-8</source>
        <translation>UTF-8 でも Shift-JIS（cp932）でもないテキストです。CSV を UTF-8 で保存してください</translation>
    </message>
    <message>
        <source>not readable as CSV ({error})</source>
        <translation>CSV として読み込めません（{error}）</translation>
    </message>
    <message>
        <source>a cell is longer than {limit:,} characters</source>
        <translation>{limit:,} 文字を超えるセルがあります</translation>
    </message>
    <message>
        <source>cannot tell which catalog this is from the header (needs the columns of one of {signatures})</source>
        <translation>見出しからどのカタログか判別できません（次のいずれかの列が必要です：{signatures}）</translation>
    </message>
    <message>
        <source>one of {0}</source>
        <translation>{0} のいずれか</translation>
    </message>
    <message>
        <source>true or false</source>
        <translation>true または false</translation>
    </message>
    <message>
        <source>a date YYYY-MM-DD (or YYYY-MM, YYYY)</source>
        <translation>日付 YYYY-MM-DD（または YYYY-MM、YYYY）</translation>
    </message>
    <message>
        <source>lower-case letters, digits and - . _ (e.g. h100-sxm)</source>
        <translation>英小文字・数字と - . _（例：h100-sxm）</translation>
    </message>
    <message>
        <source>an id from the {0} catalog</source>
        <translation>{0} カタログの ID</translation>
    </message>
    <message>
        <source>a whole number</source>
        <translation>整数</translation>
    </message>
    <message>
        <source>a number</source>
        <translation>数値</translation>
    </message>
    <message>
        <source> and </source>
        <translation> かつ </translation>
    </message>
    <message>
        <source>text</source>
        <translation>文字列</translation>
    </message>
    <message>
        <source>line {0}, column {1}: {2}</source>
        <translation>{0} 行目、列 {1}：{2}</translation>
    </message>
    <message>
        <source>line {0}: {1}</source>
        <translation>{0} 行目：{1}</translation>
    </message>
</context>
<context>
    <name>CatalogProblem</name>
    <message>
        <source>{path} not found; the catalog was read from its CSV sources (run `gpu-planner catalog build`).</source>
        <translation>{path} が見つからないため、カタログを CSV の元データから読み込みました（`gpu-planner catalog build` を実行してください）。</translation>
    </message>
    <message>
        <source>Your catalog {path} could not be read ({error}); using the shipped catalog only. The file was left untouched.</source>
        <translation>あなたのカタログ {path} を読み込めませんでした（{error}）。同梱のカタログだけを使います。ファイルには手を加えていません。</translation>
    </message>
    <message>
        <source>Your catalog {path} is damaged ({error}); it was moved to {aside} (kept, not deleted) and the shipped catalog is used. Re-import your entries from CSV.</source>
        <translation>あなたのカタログ {path} は壊れています（{error}）。{aside} に移動し（削除はしていません）、同梱のカタログを使います。自分の項目は CSV から取り込み直してください。</translation>
    </message>
    <message>
        <source>Your catalog {path} was upgraded from schema {found} to {expected}; the previous file is kept as {backup}.</source>
        <translation>あなたのカタログ {path} をスキーマ {found} から {expected} に更新しました。更新前のファイルは {backup} に残しています。</translation>
    </message>
    <message>
        <source>Your catalog {path} has schema {found}, this app reads {expected}; it was left untouched and not used.</source>
        <translation>あなたのカタログ {path} はスキーマ {found} ですが、このアプリが読めるのは {expected} です。ファイルには手を加えず、使用していません。</translation>
    </message>
</context>
<context>
    <name>ChartPanel</name>
    <message>
        <source>Save PNG…</source>
        <translation>PNGで保存…</translation>
    </message>
    <message>
        <source>Save SVG…</source>
        <translation>SVGで保存…</translation>
    </message>
    <message>
        <source>Export chart</source>
        <translation>グラフを書き出す</translation>
    </message>
    <message>
        <source>chart</source>
        <translation>グラフ</translation>
    </message>
</context>
<context>
    <name>Compare</name>
    <message>
        <source>Input</source>
        <translation>入力</translation>
    </message>
    <message>
        <source>Recommendation</source>
        <translation>推奨</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>所要時間</translation>
    </message>
    <message>
        <source>Cloud cost</source>
        <translation>クラウド費用</translation>
    </message>
    <message>
        <source>On-prem cost</source>
        <translation>オンプレミス費用</translation>
    </message>
    <message>
        <source>Feasible</source>
        <translation>実現可能</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>はい</translation>
    </message>
    <message>
        <source>no</source>
        <translation>いいえ</translation>
    </message>
</context>
<context>
    <name>CompareDialog</name>
    <message>
        <source>Compare plans</source>
        <translation>プランを比較</translation>
    </message>
    <message>
        <source>Plans to compare</source>
        <translation>比較するプラン</translation>
    </message>
    <message>
        <source>Add plan &amp;files…</source>
        <translation>プランファイルを追加(&amp;F)…</translation>
    </message>
    <message>
        <source>Add the &amp;current plan</source>
        <translation>現在のプランを追加(&amp;C)</translation>
    </message>
    <message>
        <source>Field to change</source>
        <translation>変える項目</translation>
    </message>
    <message>
        <source>new value, e.g. 70B model id, 3000万, 16</source>
        <translation>新しい値（例：モデルID、3000万、16）</translation>
    </message>
    <message>
        <source>New value</source>
        <translation>新しい値</translation>
    </message>
    <message>
        <source>Add a &amp;variant</source>
        <translation>変更版を追加(&amp;V)</translation>
    </message>
    <message>
        <source>The current plan with this one field changed</source>
        <translation>現在のプランのこの項目だけを変えたもの</translation>
    </message>
    <message>
        <source>Re&amp;move</source>
        <translation>削除(&amp;M)</translation>
    </message>
    <message>
        <source>C&amp;ompare</source>
        <translation>比較(&amp;O)</translation>
    </message>
    <message>
        <source>Export P&amp;DF…</source>
        <translation>PDFを書き出す(&amp;D)…</translation>
    </message>
    <message>
        <source>Comparison</source>
        <translation>比較</translation>
    </message>
    <message>
        <source>Variant:</source>
        <translation>変更版：</translation>
    </message>
    <message>
        <source>At most {0} plans.</source>
        <translation>プランは最大 {0} 個です。</translation>
    </message>
    <message>
        <source>{0} cannot be opened ({1}).</source>
        <translation>{0} を開けません（{1}）。</translation>
    </message>
    <message>
        <source>Add plan files</source>
        <translation>プランファイルを追加</translation>
    </message>
    <message>
        <source>Plans (*.gpuplan)</source>
        <translation>プラン (*.gpuplan)</translation>
    </message>
    <message>
        <source>Add at least two plans.</source>
        <translation>プランを2つ以上追加してください。</translation>
    </message>
    <message>
        <source>Planning {0} plans…</source>
        <translation>{0} 個のプランを計算しています…</translation>
    </message>
    <message>
        <source>Could not compare: {0}</source>
        <translation>比較できませんでした：{0}</translation>
    </message>
    <message>
        <source>{0} plans compared; {1} inputs differ.</source>
        <translation>{0} 個のプランを比較しました。異なる入力は {1} 項目です。</translation>
    </message>
    <message>
        <source>Export comparison</source>
        <translation>比較を書き出す</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <source>comparison.pdf</source>
        <translation>プラン比較.pdf</translation>
    </message>
    <message>
        <source>Not written</source>
        <translation>書き出せませんでした</translation>
    </message>
    <message>
        <source>Wrote {0} ({1} pages).</source>
        <translation>{0} を書き出しました（{1} ページ）。</translation>
    </message>
</context>
<context>
    <name>Crash</name>
    <message>
        <source>(the log could not be written)</source>
        <translation>（ログを書き込めませんでした）</translation>
    </message>
    <message>
        <source>Unexpected error</source>
        <translation>予期しないエラー</translation>
    </message>
    <message>
        <source>Something went wrong: {0}

The details were written to {1}. Your plan is autosaved and the app keeps running; please send the file to the developers.</source>
        <translation>問題が発生しました：{0}

詳細を {1} に書き出しました。計画は自動保存されており、アプリはこのまま使えます。このファイルを開発者に送ってください。</translation>
    </message>
</context>
<context>
    <name>Data</name>
    <message>
        <source>{0} files, {1}, {2} characters ({3} Japanese, {4} English/other, {5} code), {6} records</source>
        <translation>{0} ファイル、{1}、{2} 文字（日本語 {3}、英語・その他 {4}、コード {5}）、{6} レコード</translation>
    </message>
    <message>
        <source>{0} samples (JSONL/CSV/Parquet rows): fine-tuning uses one sample per row</source>
        <translation>{0} サンプル（JSONL・CSV・Parquet の行）：ファインチューニングでは1行を1サンプルとします</translation>
    </message>
    <message>
        <source>Tokens by tokenizer (estimated from published characters per token; exact where marked):</source>
        <translation>トークナイザー別のトークン数（公表された1トークンあたりの文字数からの推定。印のあるものは正確な数）：</translation>
    </message>
    <message>
        <source> (exact, tokenizers library)</source>
        <translation>（正確な数、tokenizers ライブラリ）</translation>
    </message>
    <message>
        <source>Skipped (not text, or unreadable): {0}: {1}</source>
        <translation>スキップ（テキストでない、または読めない）：{0} 件：{1}</translation>
    </message>
    <message>
        <source>{0} lines were not valid JSON or CSV and were counted as plain text</source>
        <translation>{0} 行は JSON・CSV として読めなかったため、ただのテキストとして数えました</translation>
    </message>
    <message>
        <source>Data: {0} tokens with {1}{2}</source>
        <translation>データ：{1} で {0} トークン{2}</translation>
    </message>
    <message>
        <source> (exact)</source>
        <translation>（正確な数）</translation>
    </message>
    <message>
        <source> (estimated)</source>
        <translation>（推定）</translation>
    </message>
    <message>
        <source>The same data with other tokenizers (each planned in full):</source>
        <translation>同じデータを他のトークナイザーで数えた場合（それぞれ計画し直した結果）：</translation>
    </message>
    <message>
        <source>no configuration</source>
        <translation>構成なし</translation>
    </message>
</context>
<context>
    <name>DataCounter</name>
    <message>
        <source>Count my f&amp;iles…</source>
        <translation>ファイルを数える(&amp;I)…</translation>
    </message>
    <message>
        <source>Count a fol&amp;der…</source>
        <translation>フォルダを数える(&amp;D)…</translation>
    </message>
    <message>
        <source>Counts characters by script (Japanese, English, code) in txt, jsonl, csv, parquet and code files, and estimates tokens for each tokenizer family from published characters-per-token ratios.</source>
        <translation>txt・jsonl・csv・parquet・コードのファイルについて、文字種（日本語・英語・コード）ごとに文字数を数え、公表された1トークンあたりの文字数からトークナイザーの系統ごとにトークン数を推定します。</translation>
    </message>
    <message>
        <source>Tokenizer</source>
        <translation>トークナイザー</translation>
    </message>
    <message>
        <source>Tokens</source>
        <translation>トークン数</translation>
    </message>
    <message>
        <source>GPUs</source>
        <translation>GPU</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>所要時間</translation>
    </message>
    <message>
        <source>Cloud cost</source>
        <translation>クラウド費用</translation>
    </message>
    <message>
        <source>The same data with each tokenizer</source>
        <translation>トークナイザーごとの同じデータ</translation>
    </message>
    <message>
        <source>Count my files</source>
        <translation>ファイルを数える</translation>
    </message>
    <message>
        <source>Text data (*.txt *.md *.jsonl *.json *.csv *.tsv *.parquet);;All files (*)</source>
        <translation>テキストデータ (*.txt *.md *.jsonl *.json *.csv *.tsv *.parquet);;すべてのファイル (*)</translation>
    </message>
    <message>
        <source>Count a folder</source>
        <translation>フォルダを数える</translation>
    </message>
    <message>
        <source>Counting characters…</source>
        <translation>文字数を数えています…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>キャンセル</translation>
    </message>
    <message>
        <source>Counting your data</source>
        <translation>データを数えています</translation>
    </message>
    <message>
        <source>Could not count: {0}</source>
        <translation>数えられませんでした：{0}</translation>
    </message>
    <message>
        <source>Counting cancelled; nothing was changed.</source>
        <translation>数えるのを中止しました。何も変更していません。</translation>
    </message>
    <message>
        <source>No text files there ({0} skipped).</source>
        <translation>テキストファイルがありません（{0} 件をスキップ）。</translation>
    </message>
    <message>
        <source>{0} files, {1}, {2} characters ({3:.0%} Japanese, {4:.0%} code), {5} records: {6} tokens with {7}.</source>
        <translation>{0} ファイル、{1}、{2} 文字（日本語 {3:.0%}、コード {4:.0%}）、{5} レコード：{7} で {6} トークン。</translation>
    </message>
    <message>
        <source>the model&apos;s own tokenizer.json (exact)</source>
        <translation>モデル付属の tokenizer.json（正確な数）</translation>
    </message>
    <message>
        <source>(This model&apos;s tokenizer is not known: Llama 3&apos;s ratio is used; compare below.)</source>
        <translation>（このモデルのトークナイザーが不明なため Llama 3 の比率を使っています。下の表で比べてください。）</translation>
    </message>
    <message>
        <source>Skipped (not text): {0}.</source>
        <translation>スキップ（テキストでない）：{0} 件。</translation>
    </message>
    <message>
        <source>{0} (exact)</source>
        <translation>{0}（正確な数）</translation>
    </message>
</context>
<context>
    <name>DataPage</name>
    <message>
        <source>How much data?</source>
        <translation>データ量は？</translation>
    </message>
    <message>
        <source>Training data</source>
        <translation>学習データ</translation>
    </message>
    <message>
        <source>Tokens</source>
        <translation>トークン数</translation>
    </message>
    <message>
        <source>default: see below</source>
        <translation>既定値：下記参照</translation>
    </message>
    <message>
        <source>Words the model reads, in tokens (about 1 token per Japanese character, 0.75 English words). Accepts 100B, 1.4T.</source>
        <translation>モデルが読む文章の量（トークン数。日本語はおよそ1文字1トークン、英語は0.75語程度）。100B、1.4T などと入力できます。</translation>
    </message>
    <message>
        <source>Sequence length (tokens)</source>
        <translation>シーケンス長（トークン数）</translation>
    </message>
    <message>
        <source>Tokens per training sequence (per sample when fine-tuning).</source>
        <translation>学習の1シーケンスあたりのトークン数（ファインチューニングでは1サンプルあたり）。</translation>
    </message>
    <message>
        <source>Se&amp;quence length (tokens)</source>
        <translation>シーケンス長（トークン数）(&amp;Q)</translation>
    </message>
    <message>
        <source>Trainin&amp;g stack</source>
        <translation>学習環境(&amp;G)</translation>
    </message>
    <message>
        <source>Fine-tuning</source>
        <translation>ファインチューニング</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>手法</translation>
    </message>
    <message>
        <source>LoRA (small adapters, one or few GPUs)</source>
        <translation>LoRA（小さなアダプター、GPU 1〜数枚）</translation>
    </message>
    <message>
        <source>QLoRA (LoRA on a 4-bit model: least memory)</source>
        <translation>QLoRA（4ビット量子化モデル上の LoRA：最小メモリ）</translation>
    </message>
    <message>
        <source>Full fine-tuning (all weights: most memory)</source>
        <translation>フルファインチューニング（全重み：最大メモリ）</translation>
    </message>
    <message>
        <source>LoRA trains small adapter matrices; QLoRA also stores the base model in 4 bits (Dettmers et al. 2023).</source>
        <translation>LoRA は小さなアダプター行列だけを学習します。QLoRA はさらにベースモデルを4ビットで保持します（Dettmers et al. 2023）。</translation>
    </message>
    <message>
        <source>&amp;Method</source>
        <translation>手法(&amp;M)</translation>
    </message>
    <message>
        <source>Samples</source>
        <translation>サンプル数</translation>
    </message>
    <message>
        <source>Training examples (prompt + answer pairs).</source>
        <translation>学習事例の数（プロンプトと回答の組）。</translation>
    </message>
    <message>
        <source>&amp;Samples</source>
        <translation>サンプル数(&amp;S)</translation>
    </message>
    <message>
        <source>FP8 (H100/H200/B200/MI300X): faster, ~{0:.0%} of the doubled peak in practice.</source>
        <translation>FP8（H100/H200/B200/MI300X）：高速。実際には2倍のピークの約{0:.0%}。</translation>
    </message>
    <message>
        <source>Empty = Chinchilla&apos;s compute-optimal {0:g} tokens per parameter{1}. Source: {2}</source>
        <translation>空欄の場合は Chinchilla の計算最適であるパラメータあたり {0:g} トークン{1}。出典：{2}</translation>
    </message>
    <message>
        <source>Empty = {0:.0%} of the from-scratch tokens{1}. Source: {2}</source>
        <translation>空欄の場合はフルスクラッチのトークン数の {0:.0%}{1}。出典：{2}</translation>
    </message>
    <message>
        <source>Epochs</source>
        <translation>エポック数</translation>
    </message>
    <message>
        <source>T&amp;okens</source>
        <translation>トークン数(&amp;O)</translation>
    </message>
    <message>
        <source>Training stack</source>
        <translation>学習環境</translation>
    </message>
    <message>
        <source>Hugging Face Trainer / PEFT</source>
        <translation>Hugging Face Trainer / PEFT</translation>
    </message>
    <message>
        <source>Megatron-LM</source>
        <translation>Megatron-LM</translation>
    </message>
    <message>
        <source>DeepSpeed ZeRO</source>
        <translation>DeepSpeed ZeRO</translation>
    </message>
    <message>
        <source>PyTorch FSDP (torchtitan)</source>
        <translation>PyTorch FSDP（torchtitan）</translation>
    </message>
    <message>
        <source>torchtune</source>
        <translation>torchtune</translation>
    </message>
    <message>
        <source>The framework decides how much memory each parameter costs (8 to 20 bytes) and what can be split over GPUs; the plan offloads to host RAM only when nothing fits otherwise.</source>
        <translation>フレームワークによって、パラメータあたりのメモリ（8〜20 バイト）と GPU に分けられるものが変わります。ホストRAM へのオフロードは、他に収まる構成がないときだけ使います。</translation>
    </message>
    <message>
        <source>Passes over the data.</source>
        <translation>データを何周学習するか。</translation>
    </message>
    <message>
        <source>&amp;Epochs</source>
        <translation>エポック数(&amp;E)</translation>
    </message>
    <message>
        <source>LoRA rank</source>
        <translation>LoRA ランク</translation>
    </message>
    <message>
        <source>Adapter rank r (16 is common).</source>
        <translation>アダプターのランク r（16 が一般的）。</translation>
    </message>
    <message>
        <source>LoRA &amp;rank</source>
        <translation>LoRA ランク(&amp;R)</translation>
    </message>
    <message>
        <source>Number formats to compare</source>
        <translation>比較する数値形式</translation>
    </message>
    <message>
        <source>BF16 mixed precision: the standard.</source>
        <translation>BF16 混合精度：標準。</translation>
    </message>
    <message>
        <source>FP16 with loss scaling (V100 era).</source>
        <translation>FP16 とロススケーリング（V100 世代）。</translation>
    </message>
    <message>
        <source>FP32/TF32: slow, rarely needed.</source>
        <translation>FP32/TF32：低速。必要になることはまれです。</translation>
    </message>
    <message>
        <source>Number formats</source>
        <translation>数値形式</translation>
    </message>
    <message>
        <source>Serving</source>
        <translation>推論条件</translation>
    </message>
    <message>
        <source>Weight format</source>
        <translation>重みの形式（量子化）</translation>
    </message>
    <message>
        <source>Smaller formats need less memory; INT8 loses almost nothing, INT4 a few percent.</source>
        <translation>小さい形式ほどメモリが少なくて済みます。INT8 の精度低下はほぼなく、INT4 は数%です。</translation>
    </message>
    <message>
        <source>&amp;Weight format</source>
        <translation>重みの形式（量子化）(&amp;W)</translation>
    </message>
    <message>
        <source>Context (tokens)</source>
        <translation>コンテキスト（トークン数）</translation>
    </message>
    <message>
        <source>Prompt plus answer tokens kept per conversation (KV cache).</source>
        <translation>会話ごとに保持するプロンプトと回答のトークン数（KVキャッシュ）。</translation>
    </message>
    <message>
        <source>&amp;Context (tokens)</source>
        <translation>コンテキスト（トークン数）(&amp;C)</translation>
    </message>
    <message>
        <source>Simultaneous users</source>
        <translation>同時ユーザー数</translation>
    </message>
    <message>
        <source>Conversations served at the same time.</source>
        <translation>同時に処理する会話の数。</translation>
    </message>
    <message>
        <source>Simultaneous &amp;users</source>
        <translation>同時ユーザー数(&amp;U)</translation>
    </message>
    <message>
        <source>Answer length (tokens)</source>
        <translation>回答の長さ（トークン数）</translation>
    </message>
    <message>
        <source>Tokens generated per request.</source>
        <translation>1リクエストで生成するトークン数。</translation>
    </message>
    <message>
        <source>&amp;Answer length (tokens)</source>
        <translation>回答の長さ（トークン数）(&amp;A)</translation>
    </message>
    <message>
        <source>Serving engine</source>
        <translation>推論エンジン</translation>
    </message>
    <message>
        <source>vLLM (uses 90% of GPU memory)</source>
        <translation>vLLM（GPU メモリの 90% を使用）</translation>
    </message>
    <message>
        <source>SGLang</source>
        <translation>SGLang</translation>
    </message>
    <message>
        <source>TensorRT-LLM</source>
        <translation>TensorRT-LLM</translation>
    </message>
    <message>
        <source>TGI (Hugging Face, maintenance mode)</source>
        <translation>TGI（Hugging Face、保守のみ）</translation>
    </message>
    <message>
        <source>llama.cpp (can run layers on the CPU)</source>
        <translation>llama.cpp（層を CPU で動かせる）</translation>
    </message>
    <message>
        <source>Engines reserve part of the GPU for themselves; llama.cpp can keep layers that do not fit in system RAM, much slower.</source>
        <translation>エンジンは GPU の一部を自分用に確保します。llama.cpp は収まらない層をシステムRAM に置けますが、ずっと遅くなります。</translation>
    </message>
    <message>
        <source>Serving &amp;engine</source>
        <translation>推論エンジン(&amp;E)</translation>
    </message>
    <message>
        <source>Advanced: software that runs the job</source>
        <translation>詳細設定：実行するソフトウェア</translation>
    </message>
    <message>
        <source>Service level (optional)</source>
        <translation>サービスレベル（任意）</translation>
    </message>
    <message>
        <source>Prompt length (tokens)</source>
        <translation>プロンプトの長さ（トークン数）</translation>
    </message>
    <message>
        <source>default: the context less the answer</source>
        <translation>既定：コンテキストから回答を引いた長さ</translation>
    </message>
    <message>
        <source>Tokens sent with each request (question, history, documents). The KV cache of vLLM, SGLang, TensorRT-LLM and TGI holds prompt + answer per user.</source>
        <translation>各リクエストで送るトークン数（質問、履歴、文書）。vLLM、SGLang、TensorRT-LLM、TGI の KVキャッシュは、ユーザーごとにプロンプトと回答を保持します。</translation>
    </message>
    <message>
        <source>&amp;Prompt length (tokens)</source>
        <translation>プロンプトの長さ（トークン数）(&amp;P)</translation>
    </message>
    <message>
        <source>Answer speed per user (tokens/s)</source>
        <translation>1ユーザーあたりの回答速度（毎秒トークン数）</translation>
    </message>
    <message>
        <source>no target</source>
        <translation>目標なし</translation>
    </message>
    <message>
        <source>The slowest answer each user may see, in tokens per second (people read about 5-10 tokens/s). The plan adds replicas until it holds.</source>
        <translation>各ユーザーに許す最も遅い回答速度（毎秒トークン数。人が読む速さは毎秒5〜10トークン程度）。満たすまでレプリカを増やします。</translation>
    </message>
    <message>
        <source>Answer speed per user, at &amp;least (tokens/s)</source>
        <translation>1ユーザーあたりの回答速度の下限（毎秒トークン数）(&amp;L)</translation>
    </message>
    <message>
        <source>First token within (s)</source>
        <translation>最初のトークンまで（秒以内）</translation>
    </message>
    <message>
        <source>The longest a user may wait for the first token, in seconds: prefill of the prompt plus the wait behind other prompts.</source>
        <translation>最初のトークンまでに待てる最長の秒数。プロンプトのプリフィルと、先行するプロンプトの待ち時間の合計です。</translation>
    </message>
    <message>
        <source>First token w&amp;ithin (s)</source>
        <translation>最初のトークンまで（秒以内）(&amp;I)</translation>
    </message>
    <message>
        <source>Spare replica (N+1)</source>
        <translation>予備レプリカ（N+1）</translation>
    </message>
    <message>
        <source>No spare</source>
        <translation>予備なし</translation>
    </message>
    <message>
        <source>One spare replica: targets met with one down (N+1)</source>
        <translation>予備レプリカ1つ：1つが停止しても目標を満たす（N+1）</translation>
    </message>
    <message>
        <source>N+1 keeps one replica more than the load needs, so a failed server does not break the service level.</source>
        <translation>N+1 は負荷に必要な数より1つ多いレプリカを置き、サーバーが1台故障してもサービスレベルを保ちます。</translation>
    </message>
    <message>
        <source>Spare replica (N+&amp;1)</source>
        <translation>予備レプリカ（N+1）(&amp;1)</translation>
    </message>
    <message>
        <source>How will it be used?</source>
        <translation>どのように使いますか？</translation>
    </message>
    <message>
        <source> ({0} tokens for this model)</source>
        <translation>（このモデルでは {0} トークン）</translation>
    </message>
    <message>
        <source>Empty = samples × tokens per sample × epochs (below).</source>
        <translation>空欄 = サンプル数 × 1サンプルあたりのトークン数 × エポック数（下記）。</translation>
    </message>
</context>
<context>
    <name>EntryDialog</name>
    <message>
        <source>Your {0} entry</source>
        <translation>あなたの{0}項目</translation>
    </message>
    <message>
        <source>your measurement</source>
        <translation>自分の測定</translation>
    </message>
    <message>
        <source>A training run you timed on your own system: the GPU, the model, the training stack, how many GPUs and the tokens per second each GPU processed. Plans on that GPU and stack then scale their utilisation to match it.</source>
        <translation>自分の環境で測定した学習の実績：GPU、モデル、学習環境、GPU の枚数、GPU 1枚が毎秒処理したトークン数。以後、その GPU と学習環境の計画は利用効率をこの実績に合わせます。</translation>
    </message>
</context>
<context>
    <name>Fields</name>
    <message>
        <source>Goal</source>
        <translation>目的</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>モデル</translation>
    </message>
    <message>
        <source>Model file</source>
        <translation>モデルファイル</translation>
    </message>
    <message>
        <source>Total parameters</source>
        <translation>総パラメータ数</translation>
    </message>
    <message>
        <source>Active parameters</source>
        <translation>アクティブパラメータ数</translation>
    </message>
    <message>
        <source>Layers</source>
        <translation>層数</translation>
    </message>
    <message>
        <source>Hidden size</source>
        <translation>隠れ次元</translation>
    </message>
    <message>
        <source>Attention heads</source>
        <translation>アテンションヘッド数</translation>
    </message>
    <message>
        <source>KV heads (GQA)</source>
        <translation>KVヘッド数（GQA）</translation>
    </message>
    <message>
        <source>Tokens</source>
        <translation>トークン数</translation>
    </message>
    <message>
        <source>Samples</source>
        <translation>サンプル数</translation>
    </message>
    <message>
        <source>Tokens per sample</source>
        <translation>1サンプルあたりのトークン数</translation>
    </message>
    <message>
        <source>Epochs</source>
        <translation>エポック数</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>手法</translation>
    </message>
    <message>
        <source>LoRA rank</source>
        <translation>LoRA ランク</translation>
    </message>
    <message>
        <source>Number formats</source>
        <translation>数値形式</translation>
    </message>
    <message>
        <source>Weight format</source>
        <translation>重みの形式（量子化）</translation>
    </message>
    <message>
        <source>Context (tokens)</source>
        <translation>コンテキスト（トークン数）</translation>
    </message>
    <message>
        <source>Simultaneous users</source>
        <translation>同時ユーザー数</translation>
    </message>
    <message>
        <source>Answer length (tokens)</source>
        <translation>回答の長さ（トークン数）</translation>
    </message>
    <message>
        <source>Currency</source>
        <translation>通貨</translation>
    </message>
    <message>
        <source>Budget</source>
        <translation>予算</translation>
    </message>
    <message>
        <source>Deadline (days)</source>
        <translation>期限（日）</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>設置場所</translation>
    </message>
    <message>
        <source>GPUs you own</source>
        <translation>保有GPU</translation>
    </message>
    <message>
        <source>At most GPUs</source>
        <translation>GPU枚数の上限</translation>
    </message>
    <message>
        <source>Power limit (kW)</source>
        <translation>電力上限（kW）</translation>
    </message>
    <message>
        <source>Cloud prices</source>
        <translation>クラウド料金</translation>
    </message>
    <message>
        <source>Prefer</source>
        <translation>優先</translation>
    </message>
    <message>
        <source>JPY per USD</source>
        <translation>1ドルあたりの円</translation>
    </message>
    <message>
        <source>Electricity per kWh</source>
        <translation>電気料金（1kWhあたり）</translation>
    </message>
    <message>
        <source>PUE</source>
        <translation>PUE</translation>
    </message>
    <message>
        <source>Hours per day in use</source>
        <translation>1日の稼働時間</translation>
    </message>
    <message>
        <source>Days per month in use</source>
        <translation>1か月の稼働日数</translation>
    </message>
    <message>
        <source>Years (horizon)</source>
        <translation>期間（年）</translation>
    </message>
    <message>
        <source>Network between servers</source>
        <translation>サーバー間ネットワーク</translation>
    </message>
    <message>
        <source>Utilisation (MFU)</source>
        <translation>利用効率（MFU）</translation>
    </message>
    <message>
        <source>Training stack</source>
        <translation>学習環境</translation>
    </message>
    <message>
        <source>Attention</source>
        <translation>アテンション</translation>
    </message>
    <message>
        <source>Loss</source>
        <translation>損失</translation>
    </message>
    <message>
        <source>Offload</source>
        <translation>オフロード</translation>
    </message>
    <message>
        <source>Optimizer step in backward</source>
        <translation>逆伝播中のオプティマイザ更新</translation>
    </message>
    <message>
        <source>Serving engine</source>
        <translation>推論エンジン</translation>
    </message>
    <message>
        <source>Layers on the GPU</source>
        <translation>GPU に置く層</translation>
    </message>
    <message>
        <source>Bits per weight</source>
        <translation>重みあたりのビット数</translation>
    </message>
    <message>
        <source>Prompt length (tokens)</source>
        <translation>プロンプトの長さ（トークン数）</translation>
    </message>
    <message>
        <source>Requests per second</source>
        <translation>毎秒リクエスト数</translation>
    </message>
    <message>
        <source>Requests per day</source>
        <translation>1日のリクエスト数</translation>
    </message>
    <message>
        <source>Answer speed per user (tokens/s)</source>
        <translation>1ユーザーあたりの回答速度（毎秒トークン数）</translation>
    </message>
    <message>
        <source>First token within (s)</source>
        <translation>最初のトークンまで（秒以内）</translation>
    </message>
    <message>
        <source>Spare replica (N+1)</source>
        <translation>予備レプリカ（N+1）</translation>
    </message>
    <message>
        <source>Micro-batch</source>
        <translation>マイクロバッチ</translation>
    </message>
    <message>
        <source>Recomputation</source>
        <translation>再計算</translation>
    </message>
    <message>
        <source>Global batch (sequences)</source>
        <translation>グローバルバッチ（系列数）</translation>
    </message>
    <message>
        <source>FFN size</source>
        <translation>FFN次元</translation>
    </message>
    <message>
        <source>Vocabulary</source>
        <translation>語彙数</translation>
    </message>
    <message>
        <source>LoRA target matrices</source>
        <translation>LoRAの対象行列</translation>
    </message>
    <message>
        <source>Cloud price per GPU-hour</source>
        <translation>クラウド価格（GPU 1時間あたり）</translation>
    </message>
    <message>
        <source>GPU purchase price</source>
        <translation>GPU購入価格</translation>
    </message>
    <message>
        <source>GPU</source>
        <translation>GPU</translation>
    </message>
    <message>
        <source>GPU count</source>
        <translation>GPU枚数</translation>
    </message>
    <message>
        <source>CPT share of from-scratch tokens</source>
        <translation>継続事前学習のトークン比率（フルスクラッチ比）</translation>
    </message>
    <message>
        <source>Tokens per parameter</source>
        <translation>パラメータあたりのトークン数</translation>
    </message>
    <message>
        <source>KV cache format</source>
        <translation>KVキャッシュの形式</translation>
    </message>
    <message>
        <source>Optimizer</source>
        <translation>オプティマイザ</translation>
    </message>
    <message>
        <source>ZeRO stage</source>
        <translation>ZeROステージ</translation>
    </message>
    <message>
        <source>Servers and network, share of GPU price</source>
        <translation>サーバーとネットワーク（GPU価格に対する比率）</translation>
    </message>
    <message>
        <source>enter {0}</source>
        <translation>{0}を入力してください</translation>
    </message>
</context>
<context>
    <name>Files</name>
    <message>
        <source>{path!r} is a folder, not a file</source>
        <translation>{path!r} はファイルではなくフォルダです</translation>
    </message>
    <message>
        <source>the folder {folder!r} of {path!r} does not exist</source>
        <translation>{path!r} のフォルダ {folder!r} が存在しません</translation>
    </message>
    <message>
        <source>{path!r} is not a regular file (a device, a pipe or a socket)</source>
        <translation>{path!r} は通常のファイルではありません（デバイス、パイプまたはソケット）</translation>
    </message>
    <message>
        <source>{path!r} is larger than {limit:,} bytes</source>
        <translation>{path!r} は {limit:,} バイトを超えています</translation>
    </message>
    <message>
        <source>Cannot write {0}: {1}. Nothing was written; an earlier file there is unchanged.</source>
        <translation>{0} に書き込めません：{1}。何も書き込んでいません。既存のファイルは変更していません。</translation>
    </message>
</context>
<context>
    <name>Findings</name>
    <message>
        <source>Needs {0} per GPU but the GPU has {1}.</source>
        <translation>GPU 1枚あたり {0} 必要ですが、GPUのメモリは {1} です。</translation>
    </message>
    <message>
        <source>Takes {0} days, past the {1}-day deadline.</source>
        <translation>{0} 日かかり、期限の {1} 日を超えます。</translation>
    </message>
    <message>
        <source>At the low end of the utilisation range it takes {0} days, past the {1}-day deadline.</source>
        <translation>利用効率が想定範囲の下限だと {0} 日かかり、期限の {1} 日を超えます。</translation>
    </message>
    <message>
        <source>Costs {0}, over the budget of {1}.</source>
        <translation>費用 {0} で、予算 {1} を超えます。</translation>
    </message>
    <message>
        <source>optimizer states</source>
        <translation>オプティマイザ状態</translation>
    </message>
    <message>
        <source>weights and optimizer states</source>
        <translation>重みとオプティマイザ状態</translation>
    </message>
    <message>
        <source>weights and optimizer states on NVMe</source>
        <translation>重みとオプティマイザ状態（NVMe へ）</translation>
    </message>
    <message>
        <source>activations</source>
        <translation>アクティベーション</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source>Offloads {0} to keep within GPU memory: needs {1} of host RAM and {2} of NVMe per server, about {3:.0%} slower.</source>
        <translation>GPU メモリに収めるため {0} をオフロードします：サーバーあたりホストRAM {1} と NVMe {2} が必要で、約 {3:.0%} 遅くなります。</translation>
    </message>
    <message>
        <source>Offloads {0} to host RAM to keep within GPU memory: needs {1} of host RAM per server, about {2:.0%} slower.</source>
        <translation>GPU メモリに収めるため {0} をホストRAM にオフロードします：サーバーあたりホストRAM {1} が必要で、約 {2:.0%} 遅くなります。</translation>
    </message>
    <message>
        <source>Uses {0:.0%} of the memory the engine allows: measured peaks vary by about ±{1:.0%} around this estimate, so leave room (shorter context, fewer simultaneous users).</source>
        <translation>エンジンが使えるメモリの {0:.0%} を使います：実測のピークはこの見積もりから ±{1:.0%} ほどずれるため、余裕を残してください（コンテキストを短く、同時利用者を少なく）。</translation>
    </message>
    <message>
        <source>Uses {0:.0%} of the GPU&apos;s memory: measured peaks vary by about ±{1:.0%} around this estimate, so leave room (smaller micro-batch, more recomputation).</source>
        <translation>GPU メモリの {0:.0%} を使います：実測のピークはこの見積もりから ±{1:.0%} ほどずれるため、余裕を残してください（マイクロバッチを小さく、再計算を増やす）。</translation>
    </message>
    <message>
        <source>Tensor parallelism of {0} spans nodes of {1} GPUs: it crosses the network every layer.</source>
        <translation>テンソル並列 {0} が {1} 枚構成のサーバーをまたぎ、層ごとにネットワーク通信が発生します。</translation>
    </message>
    <message>
        <source>Tensor parallelism over {0} GPUs runs over PCIe Gen{1} (no {2}): expect a large slowdown.</source>
        <translation>{0} 枚にまたがるテンソル並列は PCIe Gen{1} を通ります（{2} なし）。大幅に遅くなります。</translation>
    </message>
    <message>
        <source>Tensor parallelism over {0} GPUs runs over PCIe Gen{1} ({3} joins only {2}): expect a large slowdown.</source>
        <translation>{0} 枚にまたがるテンソル並列は PCIe Gen{1} を通ります（{3} でつながるのは {2} 枚まで）。大幅に遅くなります。</translation>
    </message>
    <message>
        <source>Takes {0} days, past the {1}-day target that applies without a deadline (set a deadline to plan a longer run).</source>
        <translation>{0} 日かかり、期限を指定しないときの目標 {1} 日を超えます（より長い計画には期限を指定してください）。</translation>
    </message>
    <message>
        <source>At the low end of the utilisation range it takes {0} days, past the {1}-day target that applies without a deadline.</source>
        <translation>利用効率が想定範囲の下限だと {0} 日かかり、期限を指定しないときの目標 {1} 日を超えます。</translation>
    </message>
    <message>
        <source>Gradients are synchronised over PCIe Gen{0}, not {1}.</source>
        <translation>勾配の同期は {1} ではなく PCIe Gen{0} を通ります。</translation>
    </message>
    <message>
        <source>{0} servers talk over {1}, far slower than InfiniBand: gradient traffic may not hide behind the computation.</source>
        <translation>{0} 台のサーバーが {1} で通信します。InfiniBand よりはるかに遅く、勾配の通信が計算の裏に隠れないことがあります。</translation>
    </message>
    <message>
        <source>{0} has no {1} tensor cores: plan it in {2}.</source>
        <translation>{0} には {1} のテンソルコアがありません：{2} で計画してください。</translation>
    </message>
    <message>
        <source>{0} has no {1} tensor cores.</source>
        <translation>{0} は {1} のテンソルコアを持ちません。</translation>
    </message>
    <message>
        <source>{0} does not run on {1}.</source>
        <translation>{0} は {1} では動きません。</translation>
    </message>
    <message>
        <source>{0} has no kernels for {1} weights on {2}.</source>
        <translation>{0} には {2} で {1} の重みを扱うカーネルがありません。</translation>
    </message>
    <message>
        <source>{0} weights are dequantised and computed in BF16 on {1}.</source>
        <translation>{1} では {0} の重みを逆量子化し BF16 で計算します。</translation>
    </message>
    <message>
        <source>No cloud price for {0}: pass --cloud-price.</source>
        <translation>{0} のクラウド価格がありません（--cloud-price で指定）。</translation>
    </message>
    <message>
        <source>The cloud rents this GPU by instances of {0}: {1} instance(s), {2} GPUs paid for and {3} used ({4}).</source>
        <translation>このクラウドでは {0} 枚単位のインスタンスで借ります：{1} インスタンス、料金は {2} 枚分、使うのは {3} 枚（{4}）。</translation>
    </message>
    <message>
        <source>{0} modules are sold in servers of {1}: buying means {2} GPUs for the {3} needed.</source>
        <translation>{0} のモジュールは {1} 枚搭載のサーバー単位で販売されます：必要な {3} 枚に対して {2} 枚を購入します。</translation>
    </message>
    <message>
        <source>No purchase price for {0}: pass --gpu-price.</source>
        <translation>{0} の購入価格がありません（--gpu-price で指定）。</translation>
    </message>
    <message>
        <source>{0} is not sold to buy outright (it is rented only): no on-prem cost. Pass --gpu-price if you have a quote.</source>
        <translation>{0} は購入できません（レンタルのみ）。オンプレの費用はありません。見積もりがあれば --gpu-price で指定してください。</translation>
    </message>
    <message>
        <source>Model read from {0}: {1} parameters ({2} active), counted from its tensors; weights {3} at {4} bits per weight ({5}).</source>
        <translation>{0} から読んだモデル：パラメータ {1}（アクティブ {2}）、テンソルから数えた値。重み {3}、1重みあたり {4} ビット（{5}）。</translation>
    </message>
    <message>
        <source>Model read from {0}: {1} parameters ({2} active), counted from config.json (no weight files read).</source>
        <translation>{0} から読んだモデル：パラメータ {1}（アクティブ {2}）、config.json から数えた値（重みファイルは読んでいません）。</translation>
    </message>
    <message>
        <source>The cloud price of {0} dates from {1}, {2} months ago: check the current price before deciding.</source>
        <translation>{0} のクラウド価格は {1} 時点（{2} か月前）のものです。決定の前に現在の価格を確認してください。</translation>
    </message>
    <message>
        <source>The server price of {0} dates from {1}, {2} months ago: ask for a current quote before deciding.</source>
        <translation>{0} のサーバー価格は {1} 時点（{2} か月前）のものです。決定の前に最新の見積もりを取ってください。</translation>
    </message>
    <message>
        <source>The purchase price of {0} dates from {1}, {2} months ago: ask for a current quote before deciding.</source>
        <translation>{0} の購入価格は {1} 時点（{2} か月前）のものです。決定の前に最新の見積もりを取ってください。</translation>
    </message>
    <message>
        <source>Draws {0:.1f} kW with PUE, over the on-prem power limit of {1:g} kW.</source>
        <translation>PUE込みで {0:.1f} kW を使い、オンプレの電力上限 {1:g} kW を超えます。</translation>
    </message>
    <message>
        <source>Too slow: even {0} GPUs take {1} days against the {2}-day target (no deadline was given).</source>
        <translation>時間が足りません：{0} 枚でも {1} 日かかります（期限の指定がないため目標は {2} 日）。</translation>
    </message>
    <message>
        <source>Too slow: even {0} GPUs take {1} days against the {2}-day deadline.</source>
        <translation>時間が足りません：{0} 枚でも {1} 日かかります（期限 {2} 日）。</translation>
    </message>
    <message>
        <source>Needs at least {0:.1f} kW, over the power limit of {1:g} kW.</source>
        <translation>最低 {0:.1f} kW 必要で、電力上限 {1:g} kW を超えます。</translation>
    </message>
    <message>
        <source>What fits has no price for this deployment (no cloud offer or purchase price in the catalog): pass --gpu-price or --cloud-price.</source>
        <translation>収まる構成にはこの導入形態での価格がありません（カタログにクラウド価格・購入価格なし）。--gpu-price または --cloud-price で指定してください。</translation>
    </message>
    <message>
        <source>Another configuration is both cheaper and faster.</source>
        <translation>より安く、より速い別の構成があります。</translation>
    </message>
    <message>
        <source>{0}: power draw is not published; electricity is not counted.</source>
        <translation>{0}：消費電力が公表されていないため、電気代は含めていません。</translation>
    </message>
    <message>
        <source>At concurrency {0} decoding is compute-bound, not memory-bound.</source>
        <translation>同時 {0} 件では、生成はメモリ帯域ではなく演算性能で律速されます。</translation>
    </message>
    <message>
        <source>Context {0} exceeds the model&apos;s {1} tokens.</source>
        <translation>コンテキスト {0} はモデルの上限 {1} トークンを超えます。</translation>
    </message>
    <message>
        <source>The KV cache ({0}) is larger than the weights ({1}).</source>
        <translation>KVキャッシュ（{0}）が重み（{1}）より大きくなります。</translation>
    </message>
    <message>
        <source>Architecture estimated from the parameter count ({0} layers, hidden {1}); give --layers/--hidden/--heads for exact activations and KV cache.</source>
        <translation>構造はパラメータ数から推定しました（{0} 層、隠れ次元 {1}）。アクティベーションとKVキャッシュの正確な値には --layers/--hidden/--heads を指定してください。</translation>
    </message>
    <message>
        <source>Tokens default to {0:g} per parameter (Chinchilla): {1}.</source>
        <translation>トークン数はパラメータあたり {0:g}（Chinchilla則）として {1} としました。</translation>
    </message>
    <message>
        <source>Continued pre-training defaults to {0:.0%} of the Chinchilla tokens: {1}.</source>
        <translation>継続事前学習のトークン数は Chinchilla 則の {0:.0%}、{1} としました。</translation>
    </message>
    <message>
        <source>Tokens = samples x sequence length x epochs = {0}.</source>
        <translation>トークン数 = サンプル数 × 系列長 × エポック数 = {0}。</translation>
    </message>
    <message>
        <source>Only {0:.1f} tokens per parameter, well below Chinchilla&apos;s 20.</source>
        <translation>パラメータあたり {0:.1f} トークンで、Chinchilla 則の 20 を大きく下回ります。</translation>
    </message>
    <message>
        <source>{0}: the frozen base needs no weight gradients, so compute is 4·N·D, not 6·N·D.</source>
        <translation>{0}：ベースモデルは凍結され重みの勾配が不要なため、計算量は 6·N·D ではなく 4·N·D です。</translation>
    </message>
    <message>
        <source>Full recomputation adds a forward pass (+2·N·D).</source>
        <translation>全再計算で順伝播が1回増えます（+2·N·D）。</translation>
    </message>
    <message>
        <source>The optimizer steps inside the backward pass, so no gradients are kept (no gradient accumulation).</source>
        <translation>オプティマイザを逆伝播の中で更新するため、勾配を保持しません（勾配累積はできません）。</translation>
    </message>
    <message>
        <source>Paged 8-bit AdamW keeps its states in unified memory: they page to host RAM when the GPU is full, at some cost in speed.</source>
        <translation>ページング付き 8 ビット AdamW は状態をユニファイドメモリに置きます：GPU が一杯になるとホストRAM に退避し、その分遅くなります。</translation>
    </message>
    <message>
        <source>Only {0} of {1} layers fit on the GPU; the rest run on the CPU from {2} of system RAM, much slower.</source>
        <translation>GPU に収まるのは {1} 層中 {0} 層だけです。残りはシステムRAM（{2}）から CPU で動かすため、ずっと遅くなります。</translation>
    </message>
    <message>
        <source>{0} of {1} layers use sliding-window attention and cache only the last {2} tokens.</source>
        <translation>{1} 層中 {0} 層はスライディングウィンドウ・アテンションで、直近 {2} トークンだけをキャッシュします。</translation>
    </message>
    <message>
        <source>Selective recomputation re-runs attention scores (a few percent more compute).</source>
        <translation>選択的再計算でアテンションスコアを再計算します（計算量が数%増）。</translation>
    </message>
    <message>
        <source>Attention adds {0} FLOPs per token to the hardware count (not in 6·N·D, so MFU leaves it out; HFU includes it).</source>
        <translation>アテンションで1トークンあたり {0} FLOP がハードウェアの演算量に加わります（6·N·D には含まれないため MFU には入らず、HFU には入ります）。</translation>
    </message>
    <message>
        <source>The global batch ({0} sequences) leaves {1:.0%} of the data-parallel ranks without work: more GPUs do not make this faster.</source>
        <translation>グローバルバッチ（{0} シーケンス）ではデータ並列のランクの {1:.0%} に仕事がありません。GPU を増やしても速くなりません。</translation>
    </message>
    <message>
        <source>Communication the computation cannot hide takes {0:.0%} of each step on this interconnect ({1}).</source>
        <translation>この接続（{1}）では、計算で隠しきれない通信が各ステップの {0:.0%} を占めます。</translation>
    </message>
    <message>
        <source>the answer speed per user</source>
        <translation>1ユーザーあたりの回答速度</translation>
    </message>
    <message>
        <source>the time to the first token</source>
        <translation>最初のトークンまでの時間</translation>
    </message>
    <message>
        <source>the spare replica (N+1)</source>
        <translation>予備レプリカ（N+1）</translation>
    </message>
    <message>
        <source>N+1: {0} replicas, the load carried by {1} when one is down.</source>
        <translation>N+1：レプリカ {0} 個。1つが停止しても {1} 個で負荷を処理します。</translation>
    </message>
    <message>
        <source>N+1 needs at least two replicas; this has {0}.</source>
        <translation>N+1 にはレプリカが2個以上必要ですが、この構成は {0} 個です。</translation>
    </message>
    <message>
        <source>Meets the service level; {0} binds: {1} against a target of {2}, with {3} of {4} replicas serving.</source>
        <translation>サービスレベルを満たします。制約になるのは{0}で、目標 {2} に対して {1}（レプリカ {4} 個中 {3} 個で処理）。</translation>
    </message>
    <message>
        <source>Misses the service level on {0}: {1} against a target of {2}, with {3} of {4} replicas serving.</source>
        <translation>{0}がサービスレベルに届きません。目標 {2} に対して {1}（レプリカ {4} 個中 {3} 個で処理）。</translation>
    </message>
    <message>
        <source>Misses the service level: with {0} GPUs at best {1} per user and the first token in {2}.</source>
        <translation>サービスレベルに届きません：GPU {0} 枚でも、1ユーザーあたり最大 {1}、最初のトークンまで {2}。</translation>
    </message>
</context>
<context>
    <name>GlossaryDock</name>
    <message>
        <source>Glossary</source>
        <translation>用語集</translation>
    </message>
    <message>
        <source>Find a term</source>
        <translation>用語を検索</translation>
    </message>
    <message>
        <source>No term matches “{0}”.</source>
        <translation>「{0}」に合う用語はありません。</translation>
    </message>
</context>
<context>
    <name>GoalPage</name>
    <message>
        <source>What do you want to do?</source>
        <translation>何をしたいですか？</translation>
    </message>
    <message>
        <source>Pick the kind of work. You can change it later; every answer updates the plan.</source>
        <translation>作業の種類を選んでください。後から変更でき、入力のたびに計画が更新されます。</translation>
    </message>
    <message>
        <source>&amp;Use a model (inference)</source>
        <translation>モデルを使う（推論）(&amp;U)</translation>
    </message>
    <message>
        <source>Run an existing model to answer questions or power a service. Needs the least hardware.</source>
        <translation>既存のモデルを動かして質問に答えたりサービスを提供したりします。必要なハードウェアは最も少なくて済みます。</translation>
    </message>
    <message>
        <source>Ad&amp;just a model (fine-tuning)</source>
        <translation>モデルを調整する（ファインチューニング）(&amp;J)</translation>
    </message>
    <message>
        <source>Bui&amp;ld a new model (from scratch)</source>
        <translation>新しいモデルを作る（フルスクラッチ）(&amp;L)</translation>
    </message>
    <message>
        <source>e.g. Support chatbot, FY2027</source>
        <translation>例：問い合わせチャットボット 2027年度</translation>
    </message>
    <message>
        <source>Plan name</source>
        <translation>計画の名前</translation>
    </message>
    <message>
        <source>Printed as the title of the PDF report and saved in the plan file.</source>
        <translation>PDF レポートの表題に使われ、計画ファイルに保存されます。</translation>
    </message>
    <message>
        <source>&amp;Plan name</source>
        <translation>計画の名前(&amp;P)</translation>
    </message>
    <message>
        <source>Teach an existing model your tasks, tone or format with thousands of examples. LoRA/QLoRA make this possible on one or a few GPUs.</source>
        <translation>数千件の事例で、既存モデルに自社の業務・口調・形式を教えます。LoRA/QLoRA なら1〜数枚のGPUで可能です。</translation>
    </message>
    <message>
        <source>&amp;Add knowledge (continued pre-training)</source>
        <translation>知識を追加する（継続事前学習）(&amp;K)</translation>
    </message>
    <message>
        <source>Keep training an existing model on billions of words of your domain or language (e.g. Japanese). Weeks on a GPU cluster.</source>
        <translation>既存モデルを、自分の分野や言語（日本語など）の数十億語の文章でさらに学習させます。GPUクラスタで数週間かかります。</translation>
    </message>
    <message>
        <source>Train your own model from nothing. Months on hundreds to thousands of GPUs; usually only for large organisations.</source>
        <translation>ゼロから独自のモデルを学習します。数百〜数千枚のGPUで数か月かかり、通常は大規模な組織向けです。</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <source>full</source>
        <translation>フル</translation>
    </message>
    <message>
        <source>recommended</source>
        <translation>推奨</translation>
    </message>
    <message>
        <source>cheapest</source>
        <translation>最安</translation>
    </message>
    <message>
        <source>fastest</source>
        <translation>最速</translation>
    </message>
    <message>
        <source>time/cost front</source>
        <translation>時間・費用の効率的フロンティア</translation>
    </message>
    <message>
        <source>best on this GPU</source>
        <translation>このGPUで最良</translation>
    </message>
    <message>
        <source>with your GPUs</source>
        <translation>手持ちのGPU</translation>
    </message>
    <message>
        <source>nearest miss</source>
        <translation>最も近い候補</translation>
    </message>
    <message>
        <source>far off</source>
        <translation>大きく外れる</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source>on-demand</source>
        <translation>オンデマンド</translation>
    </message>
    <message>
        <source>spot</source>
        <translation>スポット</translation>
    </message>
    <message>
        <source>reserved</source>
        <translation>リザーブド</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>GPU plan (*.gpuplan)</source>
        <translation>GPU計画 (*.gpuplan)</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>ファイル(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;New plan</source>
        <translation>新しい計画(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation>開く(&amp;O)…</translation>
    </message>
    <message>
        <source>Open &amp;recent</source>
        <translation>最近使った計画(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <source>Save &amp;as…</source>
        <translation>名前を付けて保存(&amp;A)…</translation>
    </message>
    <message>
        <source>Export &amp;PDF report…</source>
        <translation>PDFレポートを出力(&amp;P)…</translation>
    </message>
    <message>
        <source>&amp;Export</source>
        <translation>書き出し(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Markdown…</source>
        <translation>Markdown(&amp;M)…</translation>
    </message>
    <message>
        <source>&amp;CSV (options table)…</source>
        <translation>CSV（候補一覧）(&amp;C)…</translation>
    </message>
    <message>
        <source>&amp;JSON…</source>
        <translation>JSON(&amp;J)…</translation>
    </message>
    <message>
        <source>&amp;Copy options table</source>
        <translation>候補一覧をコピー(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>終了(&amp;Q)</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>編集</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>元に戻す(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>やり直す(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Start over…</source>
        <translation>最初からやり直す…(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Tools</source>
        <translation>ツール(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Catalog…</source>
        <translation>カタログ(&amp;C)…</translation>
    </message>
    <message>
        <source>C&amp;ompare plans…</source>
        <translation>プランを比較(&amp;O)…</translation>
    </message>
    <message>
        <source>I &amp;measured a run…</source>
        <translation>測定実績を記録(&amp;M)…</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>設定(&amp;S)…</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>ヘルプ(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;Glossary of terms</source>
        <translation>用語集(&amp;G)</translation>
    </message>
    <message>
        <source>&amp;About</source>
        <translation>このアプリについて(&amp;A)</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（なし）</translation>
    </message>
    <message>
        <source>Unsaved plan</source>
        <translation>未保存の計画</translation>
    </message>
    <message>
        <source>Save the changes to “{0}” first?</source>
        <translation>「{0}」の変更を先に保存しますか？</translation>
    </message>
    <message>
        <source>Start over</source>
        <translation>最初から</translation>
    </message>
    <message>
        <source>Start a new plan? Every answer goes back to its default. A saved plan file is not changed.</source>
        <translation>新しい計画を始めますか？すべての回答が既定値に戻ります。保存済みの計画ファイルは変更されません。</translation>
    </message>
    <message>
        <source>Open plan</source>
        <translation>計画を開く</translation>
    </message>
    <message>
        <source>Cannot open</source>
        <translation>開けません</translation>
    </message>
    <message>
        <source>Save plan</source>
        <translation>計画を保存</translation>
    </message>
    <message>
        <source>Cannot save</source>
        <translation>保存できません</translation>
    </message>
    <message>
        <source>{0}: {1}. The plan is still open; nothing was lost.</source>
        <translation>{0}：{1}。計画は開いたままで、内容は失われていません。</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>書き出し</translation>
    </message>
    <message>
        <source>The plan is still being computed (or some answers need fixing); try again in a moment.</source>
        <translation>計画を計算中です（または修正が必要な入力があります）。少し待ってからもう一度お試しください。</translation>
    </message>
    <message>
        <source>Wrote {0}</source>
        <translation>{0} を書き出しました</translation>
    </message>
    <message>
        <source>Options table copied</source>
        <translation>候補一覧をコピーしました</translation>
    </message>
    <message>
        <source>Recover unsaved plan</source>
        <translation>未保存の計画の復元</translation>
    </message>
    <message>
        <source>The autosaved plan could not be read: {0}
It was set aside as {1} (kept, not deleted); a new plan is open.</source>
        <translation>自動保存された計画を読み込めませんでした：{0}
{1} として退避しました（削除していません）。新しい計画を開いています。</translation>
    </message>
    <message>
        <source>LLM GPU Planner did not close normally. Restore the unsaved plan “{0}” from {1}?</source>
        <translation>LLM GPU Planner は正常に終了しませんでした。{1} の未保存の計画「{0}」を復元しますか？</translation>
    </message>
    <message>
        <source>About LLM GPU Planner</source>
        <translation>LLM GPU Planner について</translation>
    </message>
    <message>
        <source>LLM GPU Planner {0}
Plans GPUs, time and cost for serving, fine-tuning and training language models.
Catalog {1}. Every figure carries its source and date (Tools → Catalog).</source>
        <translation>LLM GPU Planner {0}
大規模言語モデルの推論・ファインチューニング・学習に必要なGPU、期間、費用を見積もります。
カタログ {1}。すべての数値に出典と時点があります（ツール → カタログ）。</translation>
    </message>
</context>
<context>
    <name>MemoryChart</name>
    <message>
        <source>weights</source>
        <translation>重み</translation>
    </message>
    <message>
        <source>gradients</source>
        <translation>勾配</translation>
    </message>
    <message>
        <source>optimizer states</source>
        <translation>オプティマイザ状態</translation>
    </message>
    <message>
        <source>activations</source>
        <translation>アクティベーション</translation>
    </message>
    <message>
        <source>KV cache</source>
        <translation>KVキャッシュ</translation>
    </message>
    <message>
        <source>overhead</source>
        <translation>オーバーヘッド</translation>
    </message>
    <message>
        <source>loss (logits)</source>
        <translation>損失（ロジット）</translation>
    </message>
    <message>
        <source>communication buffers</source>
        <translation>通信バッファ</translation>
    </message>
    <message>
        <source>per GPU</source>
        <translation>GPUあたり</translation>
    </message>
    <message>
        <source>VRAM {0}</source>
        <translation>VRAM {0}</translation>
    </message>
    <message>
        <source>{0} of {1} per GPU</source>
        <translation>GPUあたり {0}（容量 {1}）</translation>
    </message>
</context>
<context>
    <name>ModelPage</name>
    <message>
        <source>Which model?</source>
        <translation>どのモデルですか？</translation>
    </message>
    <message>
        <source>Pick a published model, open your own model file, or describe a model by its size.</source>
        <translation>公開モデルを選ぶか、自分のモデルファイルを開くか、サイズでモデルを指定してください。</translation>
    </message>
    <message>
        <source>A model from the &amp;catalog</source>
        <translation>カタログのモデル(&amp;C)</translation>
    </message>
    <message>
        <source>My own &amp;size or architecture</source>
        <translation>独自の規模・構成を指定(&amp;S)</translation>
    </message>
    <message>
        <source>Search: name, family, licence (e.g. Swallow, Qwen, 70B)</source>
        <translation>検索：名前、系列、ライセンス（例：Swallow、Qwen、70B）</translation>
    </message>
    <message>
        <source>Search models</source>
        <translation>モデルを検索</translation>
    </message>
    <message>
        <source>Custom model</source>
        <translation>独自モデル</translation>
    </message>
    <message>
        <source>e.g. 13B</source>
        <translation>例：13B</translation>
    </message>
    <message>
        <source>MoE only: parameters used per token, e.g. 37B</source>
        <translation>MoE のみ：1トークンあたりに使うパラメータ数（例：37B）</translation>
    </message>
    <message>
        <source>optional</source>
        <translation>任意</translation>
    </message>
    <message>
        <source>Total &amp;parameters</source>
        <translation>総パラメータ数(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Active parameters (MoE)</source>
        <translation>アクティブパラメータ数（MoE）(&amp;A)</translation>
    </message>
    <message>
        <source>Layers</source>
        <translation>層数</translation>
    </message>
    <message>
        <source>Hidden size</source>
        <translation>隠れ次元</translation>
    </message>
    <message>
        <source>Attention heads</source>
        <translation>アテンションヘッド数</translation>
    </message>
    <message>
        <source>KV heads (GQA)</source>
        <translation>KVヘッド数（GQA）</translation>
    </message>
    <message>
        <source>Total parameters</source>
        <translation>総パラメータ数</translation>
    </message>
    <message>
        <source>Parameters of the model: 7B, 70B, 1.4T. Memory follows the total.</source>
        <translation>モデルのパラメータ数：7B、70B、1.4T など。メモリは総数で決まります。</translation>
    </message>
    <message>
        <source>Active parameters</source>
        <translation>アクティブパラメータ数</translation>
    </message>
    <message>
        <source>Mixture-of-experts models use only some experts per token: compute follows the active count.</source>
        <translation>MoE（混合エキスパート）モデルは1トークンごとに一部のエキスパートだけを使うため、計算量はアクティブパラメータ数で決まります。</translation>
    </message>
    <message>
        <source>A model file on &amp;disk</source>
        <translation>手元のモデルファイル(&amp;D)</translation>
    </message>
    <message>
        <source>Model file</source>
        <translation>モデルファイル</translation>
    </message>
    <message>
        <source>config.json, a model folder (config.json + safetensors) or a .gguf file; or drop it here</source>
        <translation>config.json、モデルフォルダ（config.json と safetensors）、または .gguf ファイル。ここにドロップも可</translation>
    </message>
    <message>
        <source>Read offline: the architecture from config.json or the GGUF header, the exact parameter count from the safetensors or GGUF tensor list.</source>
        <translation>オフラインで読みます：構造は config.json または GGUF ヘッダーから、正確なパラメータ数は safetensors または GGUF のテンソル一覧から。</translation>
    </message>
    <message>
        <source>B&amp;rowse…</source>
        <translation>参照(&amp;R)…</translation>
    </message>
    <message>
        <source>Choose a config.json, a .gguf file or a safetensors file in a model folder</source>
        <translation>config.json、.gguf ファイル、またはモデルフォルダ内の safetensors ファイルを選びます</translation>
    </message>
    <message>
        <source>Add to my catalo&amp;g</source>
        <translation>カタログに追加(&amp;G)</translation>
    </message>
    <message>
        <source>Keep this model in your catalog, to pick it later without the file</source>
        <translation>このモデルをカタログに保存し、次回からファイルなしで選べるようにします</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>モデル</translation>
    </message>
    <message>
        <source>Parameters</source>
        <translation>パラメータ数</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>アクティブ</translation>
    </message>
    <message>
        <source>Context</source>
        <translation>コンテキスト</translation>
    </message>
    <message>
        <source>Licence</source>
        <translation>ライセンス</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>出典</translation>
    </message>
    <message>
        <source>Open model</source>
        <translation>モデルを開く</translation>
    </message>
    <message>
        <source>Model files (config.json *.gguf *.safetensors *.json);;All files (*)</source>
        <translation>モデルファイル (config.json *.gguf *.safetensors *.json);;すべてのファイル (*)</translation>
    </message>
    <message>
        <source>Not added</source>
        <translation>追加できませんでした</translation>
    </message>
    <message>
        <source>Added to your catalog</source>
        <translation>カタログに追加しました</translation>
    </message>
    <message>
        <source>{0} is in your catalog now: pick it from the list next time.</source>
        <translation>{0} をカタログに追加しました。次回は一覧から選べます。</translation>
    </message>
    <message>
        <source>{0}: {1} parameters{2}. Weights: {3} in BF16, {4} in INT8, {5} in INT4. KV cache {6} per 1,000 tokens.</source>
        <translation>{0}：パラメータ数 {1}{2}。重み：BF16 で {3}、INT8 で {4}、INT4 で {5}。KVキャッシュは1,000トークンあたり {6}。</translation>
    </message>
    <message>
        <source> ({0} active per token)</source>
        <translation>（トークンあたりアクティブ {0}）</translation>
    </message>
    <message>
        <source>(Architecture estimated from the size; enter layers/hidden/heads for exact figures.)</source>
        <translation>（構成は規模から推定しています。正確な値には層数・隠れ次元・ヘッド数を入力してください。）</translation>
    </message>
</context>
<context>
    <name>Palette</name>
    <message>
        <source>blue</source>
        <translation>青</translation>
    </message>
    <message>
        <source>red</source>
        <translation>赤</translation>
    </message>
    <message>
        <source>green</source>
        <translation>緑</translation>
    </message>
    <message>
        <source>purple</source>
        <translation>紫</translation>
    </message>
    <message>
        <source>orange</source>
        <translation>橙</translation>
    </message>
    <message>
        <source>brown</source>
        <translation>茶</translation>
    </message>
    <message>
        <source>{0}, {1}</source>
        <translation>{0}＝{1}</translation>
    </message>
    <message>
        <source>Lines: {0}.</source>
        <translation>線の色：{0}。</translation>
    </message>
    <message>
        <source>; </source>
        <translation>、</translation>
    </message>
</context>
<context>
    <name>PlanWizard</name>
    <message>
        <source>Start over</source>
        <translation>最初から</translation>
    </message>
    <message>
        <source>Goal</source>
        <translation>目的</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>モデル</translation>
    </message>
    <message>
        <source>Data or use</source>
        <translation>データ・使い方</translation>
    </message>
    <message>
        <source>Budget</source>
        <translation>予算</translation>
    </message>
    <message>
        <source>Recommendation</source>
        <translation>推奨構成</translation>
    </message>
    <message>
        <source>Step {0} of {1}</source>
        <translation>ステップ {0}/{1}</translation>
    </message>
</context>
<context>
    <name>Reasons</name>
    <message>
        <source>do not fit</source>
        <translation>件がメモリに収まらない</translation>
    </message>
    <message>
        <source>too slow</source>
        <translation>件が期限に間に合わない</translation>
    </message>
    <message>
        <source>missing the service level</source>
        <translation>サービスレベル未達</translation>
    </message>
    <message>
        <source>over budget</source>
        <translation>件が予算超過</translation>
    </message>
    <message>
        <source>over the power limit</source>
        <translation>件が電力上限超過</translation>
    </message>
    <message>
        <source>without a price</source>
        <translation>件が価格不明</translation>
    </message>
    <message>
        <source>beaten on cost and time</source>
        <translation>件が費用・時間とも他に劣る</translation>
    </message>
</context>
<context>
    <name>Report</name>
    <message>
        <source>Inference (serving an existing model)</source>
        <translation>推論（既存モデルの利用）</translation>
    </message>
    <message>
        <source>Fine-tuning (adjusting an existing model)</source>
        <translation>ファインチューニング（既存モデルの調整）</translation>
    </message>
    <message>
        <source>Continued pre-training (adding knowledge)</source>
        <translation>継続事前学習（知識の追加）</translation>
    </message>
    <message>
        <source>Training from scratch (a new model)</source>
        <translation>フルスクラッチ学習（新しいモデル）</translation>
    </message>
    <message>
        <source>Memory per parameter in training</source>
        <translation>学習時のパラメータあたりメモリ</translation>
    </message>
    <message>
        <source>Activation memory</source>
        <translation>アクティベーションのメモリ</translation>
    </message>
    <message>
        <source>Activation recomputation</source>
        <translation>アクティベーション再計算</translation>
    </message>
    <message>
        <source>Network between servers: utilisation factor</source>
        <translation>サーバー間ネットワーク：利用効率の係数</translation>
    </message>
    <message>
        <source>Tokens per parameter (from scratch)</source>
        <translation>パラメータあたりトークン数（フルスクラッチ）</translation>
    </message>
    <message>
        <source>Exchange rate (JPY per USD)</source>
        <translation>為替レート（1ドルあたり円）</translation>
    </message>
    <message>
        <source>Electricity price per kWh</source>
        <translation>電気料金（1kWhあたり）</translation>
    </message>
    <message>
        <source>Data-centre overhead (PUE)</source>
        <translation>データセンターの付帯電力（PUE）</translation>
    </message>
    <message>
        <source>Servers and network, share of GPU price</source>
        <translation>サーバー・ネットワーク費（GPU価格に対する割合）</translation>
    </message>
    <message>
        <source>Fixed memory per GPU (CUDA, libraries)</source>
        <translation>GPUあたり固定メモリ（CUDA、ライブラリ）</translation>
    </message>
    <message>
        <source>Sequence length, fine-tuning (tokens)</source>
        <translation>シーケンス長、ファインチューニング（トークン数）</translation>
    </message>
    <message>
        <source>Sequence length, pre-training (tokens)</source>
        <translation>シーケンス長、事前学習（トークン数）</translation>
    </message>
    <message>
        <source>Epochs</source>
        <translation>エポック数</translation>
    </message>
    <message>
        <source>Fine-tuning method</source>
        <translation>ファインチューニングの手法</translation>
    </message>
    <message>
        <source>LoRA rank</source>
        <translation>LoRA ランク</translation>
    </message>
    <message>
        <source>LoRA target matrices</source>
        <translation>LoRA を適用する行列</translation>
    </message>
    <message>
        <source>Training number format</source>
        <translation>学習の数値形式</translation>
    </message>
    <message>
        <source>Optimizer</source>
        <translation>オプティマイザ</translation>
    </message>
    <message>
        <source>Micro-batch (sequences per GPU)</source>
        <translation>マイクロバッチ（GPU あたりのシーケンス数）</translation>
    </message>
    <message>
        <source>Activation recomputation, fine-tuning</source>
        <translation>アクティベーションの再計算（ファインチューニング）</translation>
    </message>
    <message>
        <source>Training stack, fine-tuning</source>
        <translation>学習環境（ファインチューニング）</translation>
    </message>
    <message>
        <source>Training stack, pre-training</source>
        <translation>学習環境（事前学習）</translation>
    </message>
    <message>
        <source>Attention implementation</source>
        <translation>アテンションの実装</translation>
    </message>
    <message>
        <source>Loss memory, fp32 logits (bytes per token and vocabulary entry)</source>
        <translation>損失のメモリ：fp32 ロジット（トークン・語彙1つあたりのバイト数）</translation>
    </message>
    <message>
        <source>Loss memory, Megatron in-place cross-entropy</source>
        <translation>損失のメモリ：Megatron のインプレース交差エントロピー</translation>
    </message>
    <message>
        <source>Loss memory, bf16 logits</source>
        <translation>損失のメモリ：bf16 ロジット</translation>
    </message>
    <message>
        <source>Loss memory, chunked cross-entropy</source>
        <translation>損失のメモリ：分割交差エントロピー</translation>
    </message>
    <message>
        <source>Loss memory, fused cross-entropy</source>
        <translation>損失のメモリ：融合交差エントロピー</translation>
    </message>
    <message>
        <source>Activations kept by selective recomputation (torchtitan)</source>
        <translation>選択的再計算で残すアクティベーションの割合（torchtitan）</translation>
    </message>
    <message>
        <source>DeepSpeed gradient bucket (elements)</source>
        <translation>DeepSpeed の勾配バケット（要素数）</translation>
    </message>
    <message>
        <source>ZeRO-3 gather buffer (bytes per parameter of the largest layer)</source>
        <translation>ZeRO-3 の集約バッファ（最大の層のパラメータあたりバイト数）</translation>
    </message>
    <message>
        <source>FSDP units gathered at once</source>
        <translation>FSDP で同時に集めるユニット数</translation>
    </message>
    <message>
        <source>Memory use above which a plan is flagged</source>
        <translation>注意を出すメモリ使用率</translation>
    </message>
    <message>
        <source>How far measured peaks fall from the estimate</source>
        <translation>実測ピークと見積もりのずれ</translation>
    </message>
    <message>
        <source>Host link, PCIe Gen4 x16 (per direction)</source>
        <translation>ホストとの接続：PCIe Gen4 x16（片方向）</translation>
    </message>
    <message>
        <source>Host memory bandwidth</source>
        <translation>ホストメモリの帯域</translation>
    </message>
    <message>
        <source>NVMe bandwidth per server</source>
        <translation>サーバーあたりの NVMe 帯域</translation>
    </message>
    <message>
        <source>CPU optimizer step: host traffic per parameter</source>
        <translation>CPU でのオプティマイザ更新：パラメータあたりのホストメモリ転送量</translation>
    </message>
    <message>
        <source>Serving engine</source>
        <translation>推論エンジン</translation>
    </message>
    <message>
        <source>vLLM share of GPU memory (gpu_memory_utilization)</source>
        <translation>vLLM が使う GPU メモリの割合（gpu_memory_utilization）</translation>
    </message>
    <message>
        <source>SGLang share of GPU memory (mem_fraction_static)</source>
        <translation>SGLang が使う GPU メモリの割合（mem_fraction_static）</translation>
    </message>
    <message>
        <source>TensorRT-LLM share of free memory for the KV cache</source>
        <translation>TensorRT-LLM が KVキャッシュに使う空きメモリの割合</translation>
    </message>
    <message>
        <source>TGI share of GPU memory (--cuda-memory-fraction)</source>
        <translation>TGI が使う GPU メモリの割合（--cuda-memory-fraction）</translation>
    </message>
    <message>
        <source>Apple silicon: share of unified memory the GPU may use</source>
        <translation>Apple シリコン：GPU が使えるユニファイドメモリの割合</translation>
    </message>
    <message>
        <source>Serving engine memory outside PyTorch (CUDA, NCCL)</source>
        <translation>推論エンジンの PyTorch 外メモリ（CUDA、NCCL）</translation>
    </message>
    <message>
        <source>CUDA graphs</source>
        <translation>CUDA グラフ</translation>
    </message>
    <message>
        <source>llama.cpp micro-batch (tokens)</source>
        <translation>llama.cpp のマイクロバッチ（トークン）</translation>
    </message>
    <message>
        <source>Kernel efficiency, A100 (share of the dense peak)</source>
        <translation>演算効率：A100（密な演算ピークに対する割合）</translation>
    </message>
    <message>
        <source>Kernel efficiency, H100/H200/H800</source>
        <translation>演算効率：H100/H200/H800</translation>
    </message>
    <message>
        <source>Kernel efficiency, B200/GB200</source>
        <translation>演算効率：B200/GB200</translation>
    </message>
    <message>
        <source>Kernel efficiency, AMD Instinct</source>
        <translation>演算効率：AMD Instinct</translation>
    </message>
    <message>
        <source>Kernel efficiency, workstation and consumer GPUs</source>
        <translation>演算効率：ワークステーション・一般向け GPU</translation>
    </message>
    <message>
        <source>Hidden size per GPU at which matmuls reach half their efficiency</source>
        <translation>行列演算の効率が半分になる GPU あたりの隠れ次元</translation>
    </message>
    <message>
        <source>FP8 with Transformer Engine: share of the FP8 peak</source>
        <translation>FP8（Transformer Engine）：FP8 ピークに対する割合</translation>
    </message>
    <message>
        <source>FP8 with other stacks: share of the FP8 peak</source>
        <translation>FP8（その他の学習環境）：FP8 ピークに対する割合</translation>
    </message>
    <message>
        <source>MoE: router, permutation and grouped matmuls</source>
        <translation>MoE：ルーター・並べ替え・グループ化行列演算</translation>
    </message>
    <message>
        <source>LoRA: kernel efficiency factor</source>
        <translation>LoRA：演算効率の係数</translation>
    </message>
    <message>
        <source>QLoRA: kernel efficiency factor</source>
        <translation>QLoRA：演算効率の係数</translation>
    </message>
    <message>
        <source>Share of compute time that hides gradient communication</source>
        <translation>勾配の通信を隠せる計算時間の割合</translation>
    </message>
    <message>
        <source>Share of tensor-parallel communication hidden behind compute</source>
        <translation>計算で隠れるテンソル並列の通信の割合</translation>
    </message>
    <message>
        <source>Share of expert-parallel all-to-all hidden behind compute</source>
        <translation>計算で隠れるエキスパート並列の全対全通信の割合</translation>
    </message>
    <message>
        <source>Share of a real job&apos;s time spent training (goodput)</source>
        <translation>実際のジョブで学習に使われる時間の割合（グッドプット）</translation>
    </message>
    <message>
        <source>Kernel efficiency, Intel Gaudi</source>
        <translation>演算効率：Intel Gaudi</translation>
    </message>
    <message>
        <source>Kernel efficiency, Google TPU</source>
        <translation>演算効率：Google TPU</translation>
    </message>
    <message>
        <source>Decode bandwidth utilisation, llama.cpp GGUF kernels</source>
        <translation>生成時の帯域利用率：llama.cpp の GGUF カーネル</translation>
    </message>
    <message>
        <source>Decode bandwidth utilisation, 4-bit AWQ/GPTQ kernels</source>
        <translation>生成時の帯域利用率：4ビット AWQ/GPTQ カーネル</translation>
    </message>
    <message>
        <source>Decode bandwidth utilisation, 16/8-bit kernels (vLLM, TensorRT-LLM)</source>
        <translation>生成時の帯域利用率：16/8ビットのカーネル（vLLM、TensorRT-LLM）</translation>
    </message>
    <message>
        <source>Fixed time per generated token, llama.cpp (seconds)</source>
        <translation>生成1トークンあたりの固定時間：llama.cpp（秒）</translation>
    </message>
    <message>
        <source>Fixed time per generated token, 4-bit kernels (seconds)</source>
        <translation>生成1トークンあたりの固定時間：4ビットカーネル（秒）</translation>
    </message>
    <message>
        <source>Fixed time per generated token, 16/8-bit kernels (seconds)</source>
        <translation>生成1トークンあたりの固定時間：16/8ビットカーネル（秒）</translation>
    </message>
    <message>
        <source>Prompt reading (prefill), llama.cpp: share of the dense peak</source>
        <translation>プロンプトの読み込み（プリフィル）、llama.cpp：密な演算ピークに対する割合</translation>
    </message>
    <message>
        <source>Prompt reading (prefill), 4-bit kernels: share of the dense peak</source>
        <translation>プロンプトの読み込み（プリフィル）、4ビットカーネル：密な演算ピークに対する割合</translation>
    </message>
    <message>
        <source>Prompt reading (prefill), 16/8-bit kernels: share of the dense peak</source>
        <translation>プロンプトの読み込み（プリフィル）、16/8ビットカーネル：密な演算ピークに対する割合</translation>
    </message>
    <message>
        <source>Fixed time before the first token, 16/8-bit kernels (seconds)</source>
        <translation>最初のトークンまでの固定時間、16/8ビットカーネル（秒）</translation>
    </message>
    <message>
        <source>Megatron pipeline: model chunks per rank (interleaved schedule)</source>
        <translation>Megatron のパイプライン：ランクあたりのモデル分割数（インターリーブ方式）</translation>
    </message>
    <message>
        <source>Time range: fast end (x the estimate)</source>
        <translation>所要時間の幅：速い側（見積もりの倍率）</translation>
    </message>
    <message>
        <source>Time range: slow end (x the estimate)</source>
        <translation>所要時間の幅：遅い側（見積もりの倍率）</translation>
    </message>
    <message>
        <source>Global batch, pre-training: coefficient of B = a·C^b (tokens)</source>
        <translation>グローバルバッチ（事前学習）：B = a·C^b の係数（トークン）</translation>
    </message>
    <message>
        <source>Global batch, pre-training: exponent of B = a·C^b</source>
        <translation>グローバルバッチ（事前学習）：B = a·C^b の指数</translation>
    </message>
    <message>
        <source>Global batch, fine-tuning (sequences per step)</source>
        <translation>グローバルバッチ（ファインチューニング、1ステップのシーケンス数）</translation>
    </message>
    <message>
        <source>Best matmul share of peak, A100/H100 (reference)</source>
        <translation>行列積で達成できるピーク比、A100/H100（基準）</translation>
    </message>
    <message>
        <source>Tensor parallelism over PCIe: utilisation factor</source>
        <translation>PCIe 経由のテンソル並列：利用効率の係数</translation>
    </message>
    <message>
        <source>Tensor parallelism across servers: utilisation factor</source>
        <translation>サーバーをまたぐテンソル並列：利用効率の係数</translation>
    </message>
    <message>
        <source>Data parallelism over PCIe: utilisation factor</source>
        <translation>PCIe 経由のデータ並列：利用効率の係数</translation>
    </message>
    <message>
        <source>ZeRO-3 / FSDP full sharding: utilisation factor</source>
        <translation>ZeRO-3 / FSDP の完全シャーディング：利用効率の係数</translation>
    </message>
    <message>
        <source>Pipeline micro-batches per stage</source>
        <translation>パイプラインのステージあたりのマイクロバッチ数</translation>
    </message>
    <message>
        <source>Network between servers</source>
        <translation>サーバー間ネットワーク</translation>
    </message>
    <message>
        <source>Weight format</source>
        <translation>重みの形式（量子化）</translation>
    </message>
    <message>
        <source>KV cache number format</source>
        <translation>KVキャッシュの数値形式</translation>
    </message>
    <message>
        <source>Context when none is given (tokens, at most)</source>
        <translation>未入力時のコンテキスト（トークン数、上限）</translation>
    </message>
    <message>
        <source>Simultaneous users</source>
        <translation>同時ユーザー数</translation>
    </message>
    <message>
        <source>Answer length (tokens)</source>
        <translation>回答の長さ（トークン数）</translation>
    </message>
    <message>
        <source>Utilisation when reading the prompt (prefill)</source>
        <translation>プロンプト読み込み時の利用効率</translation>
    </message>
    <message>
        <source>Tensor-parallel generation over NVLink: efficiency</source>
        <translation>NVLink 経由のテンソル並列での生成：効率</translation>
    </message>
    <message>
        <source>Tensor-parallel generation over PCIe: efficiency</source>
        <translation>PCIe 経由のテンソル並列での生成：効率</translation>
    </message>
    <message>
        <source>Prompt chunk read at once (tokens)</source>
        <translation>一度に読み込むプロンプトの長さ（トークン数）</translation>
    </message>
    <message>
        <source>Memory fragmentation</source>
        <translation>メモリの断片化</translation>
    </message>
    <message>
        <source>GPU purchase price</source>
        <translation>GPU購入価格</translation>
    </message>
    <message>
        <source>Cloud price per GPU-hour</source>
        <translation>クラウド価格（GPU 1時間あたり）</translation>
    </message>
    <message>
        <source>Hours of use per day</source>
        <translation>1日の稼働時間</translation>
    </message>
    <message>
        <source>Days of use per month</source>
        <translation>1か月の稼働日数</translation>
    </message>
    <message>
        <source>Horizon (years)</source>
        <translation>期間（年）</translation>
    </message>
    <message>
        <source>Largest cluster considered (GPUs)</source>
        <translation>検討する最大のクラスタ（GPU枚数）</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>設置場所</translation>
    </message>
    <message>
        <source>Cloud prices</source>
        <translation>クラウド料金</translation>
    </message>
    <message>
        <source>Prefer</source>
        <translation>優先</translation>
    </message>
    <message>
        <source>Costs counted as equal within</source>
        <translation>同額とみなす費用差</translation>
    </message>
    <message>
        <source>A miss counts as nearest within</source>
        <translation>「最も近い候補」とみなす超過幅</translation>
    </message>
    <message>
        <source>Continued pre-training share of from-scratch tokens</source>
        <translation>継続事前学習のトークン数（フルスクラッチに対する割合）</translation>
    </message>
    <message>
        <source>Utilisation (MFU)</source>
        <translation>利用効率（MFU）</translation>
    </message>
    <message>
        <source>Target duration without a deadline (days)</source>
        <translation>期限がない場合の目標期間（日）</translation>
    </message>
    <message>
        <source>weights</source>
        <translation>重み</translation>
    </message>
    <message>
        <source>gradients</source>
        <translation>勾配</translation>
    </message>
    <message>
        <source>optimizer states</source>
        <translation>オプティマイザ状態</translation>
    </message>
    <message>
        <source>activations</source>
        <translation>アクティベーション</translation>
    </message>
    <message>
        <source>Parameters</source>
        <translation>パラメータ</translation>
    </message>
    <message>
        <source>The numbers a model learns; 7B = 7 billion. Memory grows with them.</source>
        <translation>モデルが学習する数値。7B は70億。多いほどメモリが必要です。</translation>
    </message>
    <message>
        <source>Active parameters (MoE)</source>
        <translation>アクティブパラメータ（MoE）</translation>
    </message>
    <message>
        <source>A mixture-of-experts model runs only some of its experts for each token: compute follows the active parameters, memory the total.</source>
        <translation>MoE（専門家混合）モデルはトークンごとに一部の専門家だけを動かします。計算量はアクティブパラメータ、メモリは総パラメータで決まります。</translation>
    </message>
    <message>
        <source>Tokens</source>
        <translation>トークン</translation>
    </message>
    <message>
        <source>Pieces of text the model reads; about one per Japanese character or 0.75 English words.</source>
        <translation>モデルが読む文章の単位。日本語ではおよそ1文字1トークン、英語では0.75語程度。</translation>
    </message>
    <message>
        <source>Context length</source>
        <translation>コンテキスト長</translation>
    </message>
    <message>
        <source>How many tokens the model sees at once, prompt and answer together; the KV cache grows with it.</source>
        <translation>モデルが一度に扱えるトークン数（プロンプトと回答の合計）。長いほどKVキャッシュが増えます。</translation>
    </message>
    <message>
        <source>Epoch</source>
        <translation>エポック</translation>
    </message>
    <message>
        <source>One pass over the training data.</source>
        <translation>学習データを1周すること。</translation>
    </message>
    <message>
        <source>Inference</source>
        <translation>推論</translation>
    </message>
    <message>
        <source>Using a trained model to answer requests.</source>
        <translation>学習済みモデルを使って問い合わせに答えること。</translation>
    </message>
    <message>
        <source>Fine-tuning / LoRA / QLoRA</source>
        <translation>ファインチューニング / LoRA / QLoRA</translation>
    </message>
    <message>
        <source>Adjusting a model with your examples; LoRA trains small add-ons, QLoRA does so on a 4-bit copy of the model.</source>
        <translation>自社の事例でモデルを調整すること。LoRA は小さな追加部分だけを学習し、QLoRA はそれを4ビットに量子化したモデル上で行います。</translation>
    </message>
    <message>
        <source>Continued pre-training</source>
        <translation>継続事前学習</translation>
    </message>
    <message>
        <source>Training an existing model further on a large body of new text (e.g. Japanese).</source>
        <translation>既存モデルを大量の新しい文章（日本語など）でさらに学習させること。</translation>
    </message>
    <message>
        <source>Training from scratch</source>
        <translation>フルスクラッチ学習</translation>
    </message>
    <message>
        <source>Training a new model from random weights, usually on 20 or more tokens per parameter.</source>
        <translation>ランダムな重みから新しいモデルを学習すること。通常、パラメータあたり20トークン以上を使います。</translation>
    </message>
    <message>
        <source>Chinchilla</source>
        <translation>Chinchilla</translation>
    </message>
    <message>
        <source>Hoffmann et al. 2022: for a given amount of compute, a model trains best on about 20 tokens per parameter.</source>
        <translation>Hoffmann ら（2022）：同じ計算量なら、パラメータあたり約20トークンで学習するのが最も効率的という結果。</translation>
    </message>
    <message>
        <source>FLOP / FLOPS</source>
        <translation>FLOP / FLOPS</translation>
    </message>
    <message>
        <source>Floating-point operations, the arithmetic of a model; FLOPS is operations per second, a GPU&apos;s speed.</source>
        <translation>浮動小数点演算の回数（モデルの計算量）。FLOPS は1秒あたりの回数で、GPUの速さを表します。</translation>
    </message>
    <message>
        <source>6·N·D</source>
        <translation>6·N·D</translation>
    </message>
    <message>
        <source>Training compute: about 6 operations per parameter (N) per token (D), 2 for the forward pass and 4 for the backward pass.</source>
        <translation>学習の計算量。パラメータ（N）1個・トークン（D）1個あたり約6回の演算（順伝播2回、逆伝播4回）。</translation>
    </message>
    <message>
        <source>MFU</source>
        <translation>MFU</translation>
    </message>
    <message>
        <source>Model FLOPs utilisation: the share of the GPU&apos;s peak arithmetic the job really uses (typically 30-50%).</source>
        <translation>モデルFLOPs利用率。GPUの理論演算性能のうち実際に使えている割合（通常30〜50%）。</translation>
    </message>
    <message>
        <source>HFU</source>
        <translation>HFU</translation>
    </message>
    <message>
        <source>Hardware FLOPs utilisation: like MFU, but also counting the arithmetic of recomputation and attention.</source>
        <translation>ハードウェアFLOPs利用率。MFUと同様ですが、再計算とアテンションの演算も数えます。</translation>
    </message>
    <message>
        <source>Precision (BF16, FP8)</source>
        <translation>数値形式（BF16、FP8）</translation>
    </message>
    <message>
        <source>The number format of weights and arithmetic: fewer bits take less memory and run faster, at some cost in accuracy.</source>
        <translation>重みと演算に使う数値の形式。ビット数が少ないほどメモリが少なく速くなりますが、精度は多少落ちます。</translation>
    </message>
    <message>
        <source>Quantisation (AWQ, GPTQ, GGUF)</source>
        <translation>量子化（AWQ、GPTQ、GGUF）</translation>
    </message>
    <message>
        <source>Storing a model&apos;s weights in fewer bits (often 4) to serve it from less memory.</source>
        <translation>モデルの重みを少ないビット数（多くは4ビット）で持ち、少ないメモリで推論できるようにすること。</translation>
    </message>
    <message>
        <source>GPU</source>
        <translation>GPU</translation>
    </message>
    <message>
        <source>The processor that does the arithmetic of AI models. Its memory (VRAM) decides what fits.</source>
        <translation>AIモデルの計算を担うプロセッサ。搭載メモリ（VRAM）で載せられるモデルの大きさが決まります。</translation>
    </message>
    <message>
        <source>Optimizer states</source>
        <translation>オプティマイザ状態</translation>
    </message>
    <message>
        <source>What the optimizer (AdamW) keeps for each parameter it trains: two running averages, usually 8 bytes in all.</source>
        <translation>オプティマイザ（AdamW）が学習するパラメータごとに持つ値。2つの移動平均で、通常は合わせて8バイト。</translation>
    </message>
    <message>
        <source>Activations / recomputation</source>
        <translation>アクティベーション / 再計算</translation>
    </message>
    <message>
        <source>Intermediate results kept for the backward pass; recomputation drops them and computes them again, saving memory for about a third more compute.</source>
        <translation>逆伝播のために保持する途中結果。再計算はこれを捨てて計算し直し、約3分の1の計算増と引き換えにメモリを節約します。</translation>
    </message>
    <message>
        <source>KV cache</source>
        <translation>KVキャッシュ</translation>
    </message>
    <message>
        <source>Serving: the attention keys and values of every token of every conversation in progress; it grows with context length and users.</source>
        <translation>推論で、進行中のすべての会話の全トークンについてアテンションのキーと値を保持するメモリ。コンテキスト長と利用者数に比例して増えます。</translation>
    </message>
    <message>
        <source>Offload</source>
        <translation>オフロード</translation>
    </message>
    <message>
        <source>Keeping optimizer states or weights in the computer&apos;s memory or on NVMe disks when the GPUs cannot hold them; slower.</source>
        <translation>GPUに載りきらないオプティマイザ状態や重みを、CPU側のメモリやNVMeディスクに置くこと。遅くなります。</translation>
    </message>
    <message>
        <source>Tensor / pipeline / data parallelism</source>
        <translation>テンソル並列 / パイプライン並列 / データ並列</translation>
    </message>
    <message>
        <source>Ways to split one model or job over many GPUs; tensor parallelism needs fast links (NVLink).</source>
        <translation>1つのモデルや学習を複数GPUに分ける方法。テンソル並列には高速な接続（NVLink）が必要です。</translation>
    </message>
    <message>
        <source>Context / expert parallelism</source>
        <translation>コンテキスト並列 / エキスパート並列</translation>
    </message>
    <message>
        <source>Splitting long sequences (context) or a mixture-of-experts model&apos;s experts (expert) over GPUs.</source>
        <translation>長い系列（コンテキスト並列）やMoEモデルの専門家（エキスパート並列）を複数GPUに分けること。</translation>
    </message>
    <message>
        <source>ZeRO / FSDP</source>
        <translation>ZeRO / FSDP</translation>
    </message>
    <message>
        <source>Spreading optimizer states, gradients and weights over GPUs to save memory.</source>
        <translation>オプティマイザ状態・勾配・重みをGPU間で分割し、メモリを節約する手法。</translation>
    </message>
    <message>
        <source>Global batch</source>
        <translation>グローバルバッチ</translation>
    </message>
    <message>
        <source>Sequences processed in one training step over all GPUs; it limits how many GPUs can share the work.</source>
        <translation>全GPUで1ステップに処理する系列の数。作業を分け合えるGPU数の上限を決めます。</translation>
    </message>
    <message>
        <source>NVLink / PCIe / InfiniBand</source>
        <translation>NVLink / PCIe / InfiniBand</translation>
    </message>
    <message>
        <source>Links between GPUs inside a server (NVLink fast, PCIe slower) and between servers (InfiniBand, Ethernet).</source>
        <translation>サーバー内のGPU間接続（NVLinkは高速、PCIeは低速）とサーバー間接続（InfiniBand、Ethernet）。</translation>
    </message>
    <message>
        <source>Time to first token</source>
        <translation>最初のトークンまでの時間</translation>
    </message>
    <message>
        <source>How long a user waits before the answer starts: the time to read the prompt (prefill).</source>
        <translation>回答が始まるまでの待ち時間。プロンプトを読み込む時間（プリフィル）です。</translation>
    </message>
    <message>
        <source>Tokens/s per user</source>
        <translation>1ユーザーあたりのトークン/秒</translation>
    </message>
    <message>
        <source>How fast the answer is written for one user (decode speed).</source>
        <translation>1人の利用者に対して回答が書き出される速さ（デコード速度）。</translation>
    </message>
    <message>
        <source>Throughput</source>
        <translation>スループット</translation>
    </message>
    <message>
        <source>Tokens per second the servers produce for all users together.</source>
        <translation>サーバーが全利用者に対して合計で1秒間に生成するトークン数。</translation>
    </message>
    <message>
        <source>N+1</source>
        <translation>N+1</translation>
    </message>
    <message>
        <source>One spare replica, so the service level holds while one server is down.</source>
        <translation>予備のレプリカを1つ持ち、サーバーが1台止まってもサービス水準を保つ構成。</translation>
    </message>
    <message>
        <source>On-demand / spot / reserved</source>
        <translation>オンデマンド / スポット / リザーブド</translation>
    </message>
    <message>
        <source>Cloud prices: by the hour; cheaper but may be interrupted; cheaper for a commitment of a year or more.</source>
        <translation>クラウドの料金体系：時間単位の従量課金、安いが中断されうる枠、1年以上の契約で安くなる枠。</translation>
    </message>
    <message>
        <source>PUE</source>
        <translation>PUE</translation>
    </message>
    <message>
        <source>Power usage effectiveness: data-centre power per unit of IT power (cooling etc.); 1.5 means +50%.</source>
        <translation>電力使用効率。IT機器の電力に対するデータセンター全体の電力（冷却など）。1.5 なら +50%。</translation>
    </message>
    <message>
        <source>Break-even</source>
        <translation>損益分岐点</translation>
    </message>
    <message>
        <source>The amount of use after which buying GPUs costs less than renting them.</source>
        <translation>GPUを購入した方がレンタルより安くなる利用量。</translation>
    </message>
    <message>
        <source>runtime overhead</source>
        <translation>実行時オーバーヘッド</translation>
    </message>
    <message>
        <source>tensor {0} × pipeline {1} × data {2}{3}</source>
        <translation>テンソル {0} × パイプライン {1} × データ {2}{3}</translation>
    </message>
    <message>
        <source>, ZeRO stage {0}</source>
        <translation>、ZeRO ステージ {0}</translation>
    </message>
    <message>
        <source>custom model</source>
        <translation>カスタムモデル</translation>
    </message>
    <message>
        <source>tensor {0} × pipeline {1}, {2} replica(s)</source>
        <translation>テンソル {0} × パイプライン {1}、レプリカ {2}</translation>
    </message>
    <message>
        <source>, context {0}</source>
        <translation>、コンテキスト並列 {0}</translation>
    </message>
    <message>
        <source>, experts over {0}</source>
        <translation>、エキスパート並列 {0}</translation>
    </message>
    <message>
        <source>GPU plan</source>
        <translation>GPU計画</translation>
    </message>
    <message>
        <source>Ways to make it feasible, nearest first:</source>
        <translation>実現するための変更（近い順）：</translation>
    </message>
    <message>
        <source>Rent, buy or use your own</source>
        <translation>レンタル・購入・手持ちの比較</translation>
    </message>
    <message>
        <source>Main risk</source>
        <translation>主なリスク</translation>
    </message>
    <message>
        <source>Next steps</source>
        <translation>次の一手</translation>
    </message>
    <message>
        <source>Recommended</source>
        <translation>推奨構成</translation>
    </message>
    <message>
        <source>Layout</source>
        <translation>並列化</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>期間</translation>
    </message>
    <message>
        <source>{0} (range {1} – {2})</source>
        <translation>{0}（幅 {1}〜{2}）</translation>
    </message>
    <message>
        <source>Cost, cloud</source>
        <translation>費用（クラウド）</translation>
    </message>
    <message>
        <source>Cost, on-premises</source>
        <translation>費用（オンプレ）</translation>
    </message>
    <message>
        <source>Speed</source>
        <translation>速度</translation>
    </message>
    <message>
        <source>{0:.1f} tokens/s per user, {1:,.0f} tokens/s in all</source>
        <translation>1ユーザーあたり毎秒 {0:.1f} トークン、全体で毎秒 {1:,.0f} トークン</translation>
    </message>
    <message>
        <source>Cost over {0:g} years</source>
        <translation>{0:g} 年間の費用</translation>
    </message>
    <message>
        <source>cloud {0}, on-premises {1}</source>
        <translation>クラウド {0}、オンプレ {1}</translation>
    </message>
    <message>
        <source>Memory per GPU</source>
        <translation>GPUあたりメモリ</translation>
    </message>
    <message>
        <source>{0} of {1}</source>
        <translation>{0}（容量 {1}）</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>判断</translation>
    </message>
    <message>
        <source>Buy or rent</source>
        <translation>購入かレンタルか</translation>
    </message>
    <message>
        <source>buying pays back after {0:.1f} months at {1:g} h/day</source>
        <translation>1日 {1:g} 時間の利用なら {0:.1f} か月で購入の元が取れる</translation>
    </message>
    <message>
        <source>Rent in the cloud</source>
        <translation>クラウドでレンタル</translation>
    </message>
    <message>
        <source>Buy (on-premises)</source>
        <translation>購入（オンプレ）</translation>
    </message>
    <message>
        <source>Use the GPUs you own</source>
        <translation>手持ちの GPU を使う</translation>
    </message>
    <message>
        <source>{0} per GPU-hour; nothing to buy</source>
        <translation>GPU 1時間あたり {0}。購入は不要</translation>
    </message>
    <message>
        <source>nothing to buy</source>
        <translation>購入は不要</translation>
    </message>
    <message>
        <source>the GPUs stay yours; {0:.1f} kW of power</source>
        <translation>GPU は手元に残る。電力 {0:.1f} kW</translation>
    </message>
    <message>
        <source>; cheaper than renting after {0:.1f} months at {1:g} h/day</source>
        <translation>。1日 {1:g} 時間の利用なら {0:.1f} か月でレンタルより安くなる</translation>
    </message>
    <message>
        <source>power and hosting only</source>
        <translation>電気代と設置費のみ</translation>
    </message>
    <message>
        <source> (recommended)</source>
        <translation>（推奨）</translation>
    </message>
    <message>
        <source>{0:.1f} tokens/s per user</source>
        <translation>1ユーザーあたり {0:.1f} トークン/秒</translation>
    </message>
    <message>
        <source>Cost of the job</source>
        <translation>この学習の費用</translation>
    </message>
    <message>
        <source>Way</source>
        <translation>方法</translation>
    </message>
    <message>
        <source>Up front</source>
        <translation>初期費用</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>備考</translation>
    </message>
    <message>
        <source>The deadline: the estimate uses {0:.0%} of the {1:g} days, but at the slow end of the range ({2}) the job would miss it.</source>
        <translation>期限：見積もりは {1:g} 日のうち {0:.0%} を使いますが、幅の遅い側（{2}）では期限に間に合いません。</translation>
    </message>
    <message>
        <source>The budget: at the slow end of the time range the cost would be {0}, over the budget of {1}.</source>
        <translation>予算：期間の幅の遅い側では費用が {0} となり、予算 {1} を超えます。</translation>
    </message>
    <message>
        <source>None flagged: even at the slow end of the range the job meets the {0:g}-day deadline.</source>
        <translation>特になし：幅の遅い側でも {0:g} 日の期限に間に合います。</translation>
    </message>
    <message>
        <source>None flagged.</source>
        <translation>特になし。</translation>
    </message>
    <message>
        <source>Choose one of the ways to make it feasible above, change it in the plan and plan again.</source>
        <translation>上の「実現する方法」から一つを選び、計画を変えて立て直してください。</translation>
    </message>
    <message>
        <source>Ask two vendors for {0} server(s) with {1} and check {2:.1f} kW of power and cooling at the site.</source>
        <translation>{1} を載せたサーバー {0} 台の見積もりを2社から取り、設置場所の電力 {2:.1f} kW と冷却を確認する。</translation>
    </message>
    <message>
        <source>Reserve your {0} for the time above.</source>
        <translation>手持ちの {0} を上の期間だけ確保する。</translation>
    </message>
    <message>
        <source>two cloud providers</source>
        <translation>クラウド事業者2社</translation>
    </message>
    <message>
        <source>Ask {0} for {1} and its price; this plan assumes {2} per GPU-hour.</source>
        <translation>{0} に {1} の空きと価格を問い合わせる。この計画は GPU 1時間あたり {2} を想定しています。</translation>
    </message>
    <message>
        <source>Run a pilot of an hour on one server and record its speed (Tools → I measured a run): later plans use the measured speed instead of the estimate.</source>
        <translation>サーバー1台で1時間の試行を行い、速度を記録する（ツール → 測定実績を記録）。以後の計画は見積もりの代わりに測定した速度を使います。</translation>
    </message>
    <message>
        <source>Load-test {0} with {1} simultaneous users and these prompt lengths before committing.</source>
        <translation>契約の前に、同時 {1} ユーザーとこのプロンプト長で {0} の負荷試験を行う。</translation>
    </message>
    <message>
        <source>Check the prices and assumptions in section {0} against your own quotes.</source>
        <translation>第 {0} 節の価格と前提を、手元の見積もりと照らし合わせる。</translation>
    </message>
    <message>
        <source>met</source>
        <translation>達成</translation>
    </message>
    <message>
        <source>not met</source>
        <translation>未達</translation>
    </message>
    <message>
        <source>; {0} binds</source>
        <translation>、制約は{0}</translation>
    </message>
    <message>
        <source>Service level</source>
        <translation>サービスレベル</translation>
    </message>
    <message>
        <source>{0} with {1} replica(s){2}</source>
        <translation>レプリカ {1} 個で{0}{2}</translation>
    </message>
    <message>
        <source>Per 1M tokens</source>
        <translation>100万トークンあたり</translation>
    </message>
    <message>
        <source>Against APIs</source>
        <translation>API との比較</translation>
    </message>
    <message>
        <source>use the GPUs you own ({0} in power)</source>
        <translation>手持ちの GPU を使う（電気代 {0}）</translation>
    </message>
    <message>
        <source>buy ({0} with servers and power)</source>
        <translation>購入（サーバーと電気代込みで {0}）</translation>
    </message>
    <message>
        <source>buy ({0} with servers and power; renting {1})</source>
        <translation>購入（サーバーと電気代込みで {0}。レンタルなら {1}）</translation>
    </message>
    <message>
        <source>rent ({0})</source>
        <translation>レンタル（{0}）</translation>
    </message>
    <message>
        <source>rent for this job ({0}; buying {1}); buying pays back only with continued use, after {2:.1f} months at {3:g} h/day</source>
        <translation>この学習はレンタル（{0}。購入なら {1}）。購入の元が取れるのは使い続ける場合だけで、1日 {3:g} 時間なら {2:.1f} か月後</translation>
    </message>
    <message>
        <source>rent ({0}; buying {1})</source>
        <translation>レンタル（{0}。購入なら {1}）</translation>
    </message>
    <message>
        <source>4 × parameters × tokens for the frozen base, + 6 × adapter parameters × tokens</source>
        <translation>固定したベースモデルは 4 × パラメータ数 × トークン数、これにアダプタの 6 × パラメータ数 × トークン数を加算</translation>
    </message>
    <message>
        <source>6 × active parameters × tokens</source>
        <translation>6 × アクティブパラメータ数 × トークン数</translation>
    </message>
    <message>
        <source>6 × parameters × tokens</source>
        <translation>6 × パラメータ数 × トークン数</translation>
    </message>
    <message>
        <source>{0} FLOP ({1})</source>
        <translation>{0} FLOP（{1}）</translation>
    </message>
    <message>
        <source>Requests</source>
        <translation>リクエスト</translation>
    </message>
    <message>
        <source>{0:,} prompt and {1:,} answer tokens each; {2}</source>
        <translation>1件あたりプロンプト {0:,} トークン、回答 {1:,} トークン、{2}</translation>
    </message>
    <message>
        <source>no deadline: the {0:g}-day target</source>
        <translation>期限なし：目標 {0:g} 日</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source>What was asked</source>
        <translation>検討条件</translation>
    </message>
    <message>
        <source>answers at {0:g} tokens/s or faster for each user</source>
        <translation>各ユーザーへの回答が毎秒 {0:g} トークン以上</translation>
    </message>
    <message>
        <source>first token within {0}</source>
        <translation>最初のトークンまで {0} 以内</translation>
    </message>
    <message>
        <source>one spare replica (N+1)</source>
        <translation>予備レプリカ1つ（N+1）</translation>
    </message>
    <message>
        <source>; </source>
        <translation>、</translation>
    </message>
    <message>
        <source>Rented</source>
        <translation>レンタル</translation>
    </message>
    <message>
        <source>Bought</source>
        <translation>購入</translation>
    </message>
    <message>
        <source>Price of a million tokens at this load</source>
        <translation>この負荷での100万トークンあたりの価格</translation>
    </message>
    <message>
        <source>Deployment</source>
        <translation>調達方法</translation>
    </message>
    <message>
        <source>Input</source>
        <translation>入力</translation>
    </message>
    <message>
        <source>Output</source>
        <translation>出力</translation>
    </message>
    <message>
        <source>All tokens</source>
        <translation>全トークン</translation>
    </message>
    <message>
        <source>The option&apos;s cost over the horizon divided by the tokens it serves at this load in the hours of use; idle hours stay in the cost. The GPU&apos;s time is split between prompts (input) and answers (output) as the throughput model spends it.</source>
        <translation>期間全体の費用を、利用時間中にこの負荷で処理するトークン数で割った値です。使わない時間の費用も含みます。GPU の時間は、スループットのモデルどおりにプロンプト（入力）と回答（出力）に分けています。</translation>
    </message>
    <message>
        <source>Self-hosting or an API</source>
        <translation>自前運用か API か</translation>
    </message>
    <message>
        <source>Service level, price per token and APIs</source>
        <translation>サービスレベル、トークン単価と API</translation>
    </message>
    <message>
        <source>{0}: API price</source>
        <translation>{0}：API の価格</translation>
    </message>
    <message>
        <source>Term</source>
        <translation>用語</translation>
    </message>
    <message>
        <source>Meaning</source>
        <translation>意味</translation>
    </message>
    <message>
        <source>Each plan was planned in full with the same catalog; the rows before “Recommendation” are the inputs that differ.</source>
        <translation>各プランを同じカタログで計画し直した結果です。「推奨」より上の行が異なる入力です。</translation>
    </message>
    <message>
        <source>Time and cost against the number of GPUs</source>
        <translation>GPU枚数ごとの所要時間と費用</translation>
    </message>
    <message>
        <source>Each plan&apos;s recommended GPU type, drawn on the same axes.</source>
        <translation>各プランで推奨されたGPUを同じ軸に描いています。</translation>
    </message>
    <message>
        <source>What moves {0}</source>
        <translation>{0} を動かす要因</translation>
    </message>
    <message>
        <source>Plans compared</source>
        <translation>プラン比較</translation>
    </message>
    <message>
        <source>Goal</source>
        <translation>目的</translation>
    </message>
    <message>
        <source>loss (logits)</source>
        <translation>損失（ロジット）</translation>
    </message>
    <message>
        <source>communication buffers</source>
        <translation>通信バッファ</translation>
    </message>
    <message>
        <source>server(s)</source>
        <translation>台</translation>
    </message>
    <message>
        <source>Time ranges are ×{0:.2f} to ×{1:.2f} of the estimate: 80% of published training runs fall inside, predicted without seeing them (docs/time.md); cost ranges follow the time.</source>
        <translation>期間の幅は見積もりの ×{0:.2f}〜×{1:.2f} です。公表された学習事例の80%が、その事例を使わずに予測してもこの範囲に入ります（docs/time.md）。費用の幅は期間に比例します。</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>モデル</translation>
    </message>
    <message>
        <source>{0} parameters{1}</source>
        <translation>パラメータ数 {0}{1}</translation>
    </message>
    <message>
        <source>, {0} active per token</source>
        <translation>（トークンあたりアクティブ {0}）</translation>
    </message>
    <message>
        <source>Training data</source>
        <translation>学習データ</translation>
    </message>
    <message>
        <source>{0} tokens</source>
        <translation>{0} トークン</translation>
    </message>
    <message>
        <source>Compute</source>
        <translation>計算量</translation>
    </message>
    <message>
        <source>Serving</source>
        <translation>推論条件</translation>
    </message>
    <message>
        <source>{0} weights, {1:,} tokens of context, {2} simultaneous users</source>
        <translation>重み {0}、コンテキスト {1:,} トークン、同時 {2} ユーザー</translation>
    </message>
    <message>
        <source>budget {0}</source>
        <translation>予算 {0}</translation>
    </message>
    <message>
        <source>deadline {0:g} days</source>
        <translation>期限 {0:g} 日</translation>
    </message>
    <message>
        <source>cloud or on-premises</source>
        <translation>クラウドまたはオンプレ</translation>
    </message>
    <message>
        <source>cloud only</source>
        <translation>クラウドのみ</translation>
    </message>
    <message>
        <source>on-premises only</source>
        <translation>オンプレのみ</translation>
    </message>
    <message>
        <source>own GPUs: {0}</source>
        <translation>保有GPU：{0}</translation>
    </message>
    <message>
        <source>power limit {0:g} kW</source>
        <translation>電力上限 {0:g} kW</translation>
    </message>
    <message>
        <source>at most {0:,} GPUs</source>
        <translation>GPU 最大 {0:,} 枚</translation>
    </message>
    <message>
        <source>Constraints</source>
        <translation>制約条件</translation>
    </message>
    <message>
        <source>{1} joins {0} GPUs</source>
        <translation>{1} で {0} 枚を接続</translation>
    </message>
    <message>
        <source>no {1} (PCIe Gen{0} only)</source>
        <translation>{1} なし（PCIe Gen{0} のみ）</translation>
    </message>
    <message>
        <source>The recommended configuration</source>
        <translation>推奨構成</translation>
    </message>
    <message>
        <source>{0} × {1} in {2} server(s) of {3} GPUs.</source>
        <translation>{1} × {0} 枚（{3} 枚構成のサーバー {2} 台）。</translation>
    </message>
    <message>
        <source>Layout: {0}; number format {1}.</source>
        <translation>並列化：{0}、数値形式 {1}。</translation>
    </message>
    <message>
        <source>Each GPU: {0} memory, {1:.0f} TFLOPS BF16 (dense), {2}.</source>
        <translation>各GPU：メモリ {0}、BF16 {1:.0f} TFLOPS（密）、{2}。</translation>
    </message>
    <message>
        <source>Expected utilisation (MFU) {0:.0%}; {1:,.0f} GPU-hours.</source>
        <translation>想定利用効率（MFU）{0:.0%}、{1:,.0f} GPU時間。</translation>
    </message>
    <message>
        <source>total per GPU</source>
        <translation>GPUあたり合計</translation>
    </message>
    <message>
        <source>Part</source>
        <translation>内訳</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>容量</translation>
    </message>
    <message>
        <source>Published memory logs of vLLM and llama.cpp fall within ±{0:.0%} of this estimate; the engine&apos;s reservation is included.</source>
        <translation>公表された vLLM と llama.cpp のメモリログはこの見積もりの ±{0:.0%} 以内です。エンジンが確保する分も含みます。</translation>
    </message>
    <message>
        <source>Host RAM needed per server: {0}.</source>
        <translation>サーバーあたりに必要なホストRAM：{0}。</translation>
    </message>
    <message>
        <source>Alternatives</source>
        <translation>他の候補</translation>
    </message>
    <message>
        <source>{0:.1f} tok/s</source>
        <translation>毎秒 {0:.1f} トークン</translation>
    </message>
    <message>
        <source>GPUs</source>
        <translation>GPU枚数</translation>
    </message>
    <message>
        <source>Cloud</source>
        <translation>クラウド</translation>
    </message>
    <message>
        <source>On-prem</source>
        <translation>オンプレ</translation>
    </message>
    <message>
        <source>Why listed</source>
        <translation>掲載理由</translation>
    </message>
    <message>
        <source>TP tensor, PP pipeline, DP data parallel; Z ZeRO stage.</source>
        <translation>TP テンソル並列、PP パイプライン並列、DP データ並列、Z ZeRO ステージ。</translation>
    </message>
    <message>
        <source>{0} configurations evaluated in all; not listed: {1}.</source>
        <translation>評価した構成は計 {0} 件。掲載していないもの：{1}。</translation>
    </message>
    <message>
        <source>Rent or buy</source>
        <translation>レンタルか購入か</translation>
    </message>
    <message>
        <source> — {0}, {1}, {2} (as of {3})</source>
        <translation>（{0}、{1}、{2}、{3} 時点）</translation>
    </message>
    <message>
        <source>Memory as {0} allocates it. Published peaks of 43 runs kept out of calibration fall within ±{1:.0%} of this estimate in 41 cases; keep about 10% free.</source>
        <translation>メモリは {0} の確保方式で計算しています。較正に使っていない公表ピーク 43 件のうち 41 件がこの見積もりの ±{1:.0%} 以内です。約10%の余裕を残してください。</translation>
    </message>
    <message>
        <source>Cloud price: {0} per GPU-hour{1}.</source>
        <translation>クラウド価格：GPU 1時間あたり {0}{1}。</translation>
    </message>
    <message>
        <source>Purchase: servers of {0} GPUs at {1} each, complete ({2}, as of {3}); power {4:.1f} kW with PUE {5:g} at {6} per kWh.</source>
        <translation>購入：GPU {0} 枚搭載のサーバー一式を 1 台 {1}（{2}、{3} 時点）。電力は PUE {5:g} 込みで {4:.1f} kW、1 kWh あたり {6}。</translation>
    </message>
    <message>
        <source>Purchase: {0} per GPU plus {1:.0%} for servers and network; power {2:.1f} kW with PUE {3:g} at {4} per kWh.</source>
        <translation>購入：GPU 1枚 {0}、サーバー・ネットワークに {1:.0%} を加算。電力 {2:.1f} kW（PUE {3:g}）、電気料金 1kWh あたり {4}。</translation>
    </message>
    <message>
        <source>Used {0:g} hours a day, buying becomes cheaper than renting after &lt;b&gt;{1:.1f} months&lt;/b&gt; ({2:.0%} utilisation over {3:g} years).</source>
        <translation>1日 {0:g} 時間使う場合、&lt;b&gt;{1:.1f} か月&lt;/b&gt;で購入がレンタルより安くなります（{3:g} 年間で稼働率 {2:.0%}）。</translation>
    </message>
    <message>
        <source>Over {0:g} years of round-the-clock use: renting {1}, buying {2}.</source>
        <translation>{0:g} 年間フル稼働した場合：レンタル {1}、購入 {2}。</translation>
    </message>
    <message>
        <source>assumed rate set {0}</source>
        <translation>{0} 設定の仮定レート</translation>
    </message>
    <message>
        <source>Prices converted at {0:g} JPY per USD ({1}).</source>
        <translation>ドル建ての価格は 1ドル {0:g} 円で換算（{1}）。</translation>
    </message>
    <message>
        <source>The recommended configuration with one assumption at a time at the low and the high end of its range (the sources are in the last section).</source>
        <translation>推奨構成で、前提を1つずつその範囲の下限と上限に動かした結果です（出典は最後の節にあります）。</translation>
    </message>
    <message>
        <source>Low</source>
        <translation>下限</translation>
    </message>
    <message>
        <source>High</source>
        <translation>上限</translation>
    </message>
    <message>
        <source>Cost</source>
        <translation>費用</translation>
    </message>
    <message>
        <source>The cost of the recommendation ({0}) is the vertical line; each bar is one assumption across its range, blue to its cheaper end, red to its dearer end.</source>
        <translation>縦線が推奨構成の費用（{0}）です。各棒は1つの前提をその範囲で動かした結果で、青が安い側、赤が高い側です。</translation>
    </message>
    <message>
        <source>What would change the decision:</source>
        <translation>判断が変わる条件：</translation>
    </message>
    <message>
        <source>What moves the answer</source>
        <translation>答えを動かす要因</translation>
    </message>
    <message>
        <source>More or fewer GPUs</source>
        <translation>GPU枚数を変えた場合</translation>
    </message>
    <message>
        <source>Time and cost against the number of GPUs for the leading GPU types; the dashed lines are the deadline and the budget.</source>
        <translation>上位のGPUについて、GPU枚数ごとの期間と費用。破線は期限と予算です。</translation>
    </message>
    <message>
        <source>Compared with published training runs</source>
        <translation>公表された学習事例との比較</translation>
    </message>
    <message>
        <source>The same model predicts the GPU-hours of {0} published runs with a median error of {1:.0%} (the planner is optimistic by {2:.0%} in the median); treat the time as ±{1:.0%}.</source>
        <translation>同じ計算モデルで公表された学習事例 {0} 件のGPU時間を予測すると、誤差の中央値は {1:.0%}（中央値で {2:.0%} 楽観的）。期間は ±{1:.0%} 程度の幅で見てください。</translation>
    </message>
    <message>
        <source>Findings and risks</source>
        <translation>注意点とリスク</translation>
    </message>
    <message>
        <source>None.</source>
        <translation>なし。</translation>
    </message>
    <message>
        <source>Estimates assume a well-tuned software stack (Megatron-LM, DeepSpeed, FSDP or vLLM); hardware failures and restarts add time that published runs report as 5–20%.</source>
        <translation>見積もりは十分に調整されたソフトウェア（Megatron-LM、DeepSpeed、FSDP、vLLM）を前提としています。ハードウェア障害や再起動で、公表事例では5〜20%の追加時間が生じています。</translation>
    </message>
    <message>
        <source>{0}: purchase price</source>
        <translation>{0}：購入価格</translation>
    </message>
    <message>
        <source>{0}: server price</source>
        <translation>{0}：サーバー価格</translation>
    </message>
    <message>
        <source>Assumptions and sources</source>
        <translation>前提と出典</translation>
    </message>
    <message>
        <source>Assumption</source>
        <translation>前提</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>値</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>出典</translation>
    </message>
    <message>
        <source>entered by the user</source>
        <translation>ユーザー入力</translation>
    </message>
    <message>
        <source>Catalog entries used</source>
        <translation>使用したカタログ項目</translation>
    </message>
    <message>
        <source>Entry</source>
        <translation>項目</translation>
    </message>
    <message>
        <source>As of</source>
        <translation>時点</translation>
    </message>
    <message>
        <source>{0} months</source>
        <translation>{0} か月</translation>
    </message>
    <message>
        <source>Glossary</source>
        <translation>用語集</translation>
    </message>
    <message>
        <source>LLM GPU Planner {0} · catalog {1} · {2}</source>
        <translation>LLM GPU Planner {0} · カタログ {1} · {2}</translation>
    </message>
    <message>
        <source>this plan</source>
        <translation>この計画</translation>
    </message>
</context>
<context>
    <name>ResultPage</name>
    <message>
        <source>Recommendation</source>
        <translation>推奨構成</translation>
    </message>
    <message>
        <source>Sho&amp;w all options</source>
        <translation>すべての候補を表示(&amp;W)</translation>
    </message>
    <message>
        <source>Ways to make it feasible</source>
        <translation>実現するための変更</translation>
    </message>
    <message>
        <source>Ranked options</source>
        <translation>候補（順位順）</translation>
    </message>
    <message>
        <source>&amp;Details</source>
        <translation>詳細(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Memory</source>
        <translation>メモリ(&amp;M)</translation>
    </message>
    <message>
        <source>&amp;Cloud vs on-prem</source>
        <translation>クラウドとオンプレ(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Scaling</source>
        <translation>GPU枚数と期間(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Published runs</source>
        <translation>公表事例(&amp;P)</translation>
    </message>
    <message>
        <source>Sensiti&amp;vity</source>
        <translation>感度(&amp;V)</translation>
    </message>
    <message>
        <source>Self-hosting against commercial APIs</source>
        <translation>自前運用と商用 API の比較</translation>
    </message>
    <message>
        <source>&amp;APIs</source>
        <translation>API(&amp;A)</translation>
    </message>
    <message>
        <source>Configurations ruled out, with the reason for each</source>
        <translation>除外された構成とそれぞれの理由</translation>
    </message>
    <message>
        <source>Rul&amp;ed out</source>
        <translation>除外(&amp;E)</translation>
    </message>
    <message>
        <source>S&amp;ources</source>
        <translation>出典(&amp;O)</translation>
    </message>
    <message>
        <source>Updating…</source>
        <translation>更新中…</translation>
    </message>
    <message>
        <source>Some answers need fixing before a plan can be made (go Back).</source>
        <translation>計画を作るには修正が必要な入力があります（「戻る」で修正してください）。</translation>
    </message>
    <message>
        <source>The plan could not be computed: {0}</source>
        <translation>計画を計算できませんでした：{0}</translation>
    </message>
    <message>
        <source>{0} configurations evaluated; {1} shown.</source>
        <translation>{0} 件の構成を評価し、{1} 件を表示しています。</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>掲載理由</translation>
    </message>
    <message>
        <source>GPU</source>
        <translation>GPU</translation>
    </message>
    <message>
        <source>GPUs</source>
        <translation>GPU枚数</translation>
    </message>
    <message>
        <source>Layout</source>
        <translation>並列化</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>数値形式</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>期間</translation>
    </message>
    <message>
        <source>Speed / user</source>
        <translation>速度／ユーザー</translation>
    </message>
    <message>
        <source>Cloud</source>
        <translation>クラウド</translation>
    </message>
    <message>
        <source>On-prem</source>
        <translation>オンプレ</translation>
    </message>
    <message>
        <source>Memory / GPU</source>
        <translation>メモリ／GPU</translation>
    </message>
    <message>
        <source>{0:.1f} tok/s</source>
        <translation>毎秒 {0:.1f} トークン</translation>
    </message>
    <message>
        <source>Layout: tensor parallel {0}, pipeline {1}, data parallel {2}, ZeRO stage {3}, replicas {4}; {5}.</source>
        <translation>並列化：テンソル並列 {0}、パイプライン並列 {1}、データ並列 {2}、ZeRO ステージ {3}、レプリカ {4}。{5}。</translation>
    </message>
    <message>
        <source>Time {0} (range {1} – {2}); utilisation (MFU) {3:.0%}; {4} GPU-hours.</source>
        <translation>期間 {0}（幅 {1}〜{2}）、利用効率（MFU）{3:.0%}、{4} GPU時間。</translation>
    </message>
    <message>
        <source>Memory {0} of {1} per GPU, as {2} allocates it.</source>
        <translation>GPUあたりメモリ {0}（容量 {1}、{2} の確保方式で計算）。</translation>
    </message>
    <message>
        <source>Memory {0} of the {1} the engine may use ({2} on the GPU).</source>
        <translation>メモリ {0}（エンジンが使える {1} のうち、GPU は {2}）。</translation>
    </message>
    <message>
        <source>{0:.1f} tokens/s per user, {1:,.0f} tokens/s in all; first token after {2}.</source>
        <translation>1ユーザーあたり毎秒 {0:.1f} トークン、全体で毎秒 {1:,.0f} トークン。最初のトークンまで {2}。</translation>
    </message>
    <message>
        <source>Cost</source>
        <translation>費用</translation>
    </message>
    <message>
        <source>Cloud: {0} ({1} per GPU-hour{2})</source>
        <translation>クラウド：{0}（GPU 1時間あたり {1}{2}）</translation>
    </message>
    <message>
        <source>, offer {0}</source>
        <translation>、料金 {0}</translation>
    </message>
    <message>
        <source>On-prem: {0} = GPUs {1} + servers and network {2} + electricity {3}</source>
        <translation>オンプレ：{0} = GPU {1} + サーバー・ネットワーク {2} + 電気代 {3}</translation>
    </message>
    <message>
        <source>For this job renting is {0} and buying {1}; buying pays back only with continued use, after {2:.1f} months at {3:g} h/day ({4:.0%} utilisation over {5:g} years).</source>
        <translation>この学習ではレンタル {0}、購入 {1}。購入の元が取れるのは使い続ける場合だけで、1日 {3:g} 時間なら {2:.1f} か月後（{5:g} 年間で稼働率 {4:.0%}）。</translation>
    </message>
    <message>
        <source>Buying beats renting after {0:.1f} months at {1:g} h/day ({2:.0%} utilisation over {3:g} years).</source>
        <translation>1日 {1:g} 時間の利用なら {0:.1f} か月で購入がレンタルより安くなります（{3:g} 年間で稼働率 {2:.0%}）。</translation>
    </message>
    <message>
        <source>Findings</source>
        <translation>注意点</translation>
    </message>
    <message>
        <source>Sho&amp;w all {0} options</source>
        <translation>全 {0} 件の候補を表示(&amp;W)</translation>
    </message>
    <message>
        <source>Also evaluated, not shown: {0}.</source>
        <translation>評価したが表示していない構成：{0}。</translation>
    </message>
    <message>
        <source>Nothing was ruled out.</source>
        <translation>除外された構成はありません。</translation>
    </message>
    <message>
        <source>this plan</source>
        <translation>この計画</translation>
    </message>
    <message>
        <source>Assumptions</source>
        <translation>前提</translation>
    </message>
    <message>
        <source>Catalog entries used</source>
        <translation>使用したカタログ項目</translation>
    </message>
    <message>
        <source>as of {0}</source>
        <translation>{0} 時点</translation>
    </message>
    <message>
        <source>entered by you</source>
        <translation>ユーザー入力</translation>
    </message>
</context>
<context>
    <name>RunsChart</name>
    <message>
        <source>training compute 6·N·D (FLOP)</source>
        <translation>学習計算量 6·N·D（FLOP）</translation>
    </message>
    <message>
        <source>GPU-hours</source>
        <translation>GPU時間</translation>
    </message>
</context>
<context>
    <name>ScalingChart</name>
    <message>
        <source>GPUs</source>
        <translation>GPU枚数</translation>
    </message>
    <message>
        <source>days</source>
        <translation>日</translation>
    </message>
    <message>
        <source>seconds per request</source>
        <translation>1リクエストの秒数</translation>
    </message>
    <message>
        <source>deadline</source>
        <translation>期限</translation>
    </message>
    <message>
        <source>budget</source>
        <translation>予算</translation>
    </message>
</context>
<context>
    <name>Sensitivity</name>
    <message>
        <source>What moves the answer (the recommended configuration, each assumption across its range):</source>
        <translation>答えを動かす要因（推奨構成で、各前提をその範囲で動かした場合）：</translation>
    </message>
    <message>
        <source>What would change the decision:</source>
        <translation>判断が変わる条件：</translation>
    </message>
    <message>
        <source>Buying beats renting when the {0} is above {1}.</source>
        <translation>{0}が {1} を超えると、購入のほうがレンタルより安くなります。</translation>
    </message>
    <message>
        <source>Buying beats renting when the {0} is below {1}.</source>
        <translation>{0}が {1} を下回ると、購入のほうがレンタルより安くなります。</translation>
    </message>
    <message>
        <source>The deadline holds while the {0} stays above {1}.</source>
        <translation>{0}が {1} を上回っている限り、期限に間に合います。</translation>
    </message>
    <message>
        <source>The budget holds while the {0} stays below {1}.</source>
        <translation>{0}が {1} を下回っている限り、予算内に収まります。</translation>
    </message>
</context>
<context>
    <name>SensitivityTab</name>
    <message>
        <source>What if</source>
        <translation>もしも</translation>
    </message>
    <message>
        <source>Hours of use per day</source>
        <translation>1日の稼働時間</translation>
    </message>
    <message>
        <source>Cloud price, % of the catalog&apos;s</source>
        <translation>クラウド価格（カタログ価格に対する%）</translation>
    </message>
    <message>
        <source>Utilisation (MFU), %</source>
        <translation>利用効率（MFU）、%</translation>
    </message>
    <message>
        <source>C&amp;loud price</source>
        <translation>クラウド価格(&amp;L)</translation>
    </message>
    <message>
        <source>Hours per da&amp;y</source>
        <translation>1日の稼働時間(&amp;Y)</translation>
    </message>
    <message>
        <source>&amp;Utilisation (MFU)</source>
        <translation>利用効率（MFU）(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Reset what-if</source>
        <translation>「もしも」を元に戻す(&amp;R)</translation>
    </message>
    <message>
        <source>Back to the catalog&apos;s prices, round-the-clock use and the calibrated utilisation</source>
        <translation>カタログ価格、24時間稼働、較正済みの利用効率に戻します</translation>
    </message>
    <message>
        <source>What would change the decision:</source>
        <translation>判断が変わる条件：</translation>
    </message>
</context>
<context>
    <name>Session</name>
    <message>
        <source>Untitled plan</source>
        <translation>無題の計画</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source>The file was not opened; the open plan is kept.</source>
        <translation>ファイルは開いていません。開いている計画はそのままです。</translation>
    </message>
    <message>
        <source>cannot read {0}: {1}</source>
        <translation>{0} を読み込めません：{1}</translation>
    </message>
    <message>
        <source>{0} is not a plan file (JSON error at line {1})</source>
        <translation>{0} は計画ファイルではありません（{1} 行目で JSON エラー）</translation>
    </message>
    <message>
        <source>{0} was saved by a newer version of LLM GPU Planner ({1}); update the app to open it. The file was not changed.</source>
        <translation>{0} は新しいバージョンの LLM GPU Planner（{1}）で保存されています。開くにはアプリを更新してください。ファイルは変更していません。</translation>
    </message>
    <message>
        <source>{0} nests deeper than a plan file does (more than {1} levels). {2}</source>
        <translation>{0} は計画ファイルとしては入れ子が深すぎます（{1} 階層を超えています）。{2}</translation>
    </message>
    <message>
        <source>text</source>
        <translation>文字列</translation>
    </message>
    <message>
        <source>a number</source>
        <translation>数値</translation>
    </message>
    <message>
        <source>null</source>
        <translation>null</translation>
    </message>
    <message>
        <source>true/false</source>
        <translation>true/false</translation>
    </message>
    <message>
        <source>a list</source>
        <translation>リスト</translation>
    </message>
    <message>
        <source>an object</source>
        <translation>オブジェクト</translation>
    </message>
    <message>
        <source>a number or text</source>
        <translation>数値または文字列</translation>
    </message>
    <message>
        <source>a list of text</source>
        <translation>文字列のリスト</translation>
    </message>
    <message>
        <source>true or false</source>
        <translation>true または false</translation>
    </message>
    <message>
        <source>an object of GPU ids and whole counts</source>
        <translation>GPU の ID と整数の台数からなるオブジェクト</translation>
    </message>
    <message>
        <source>{0} as a count</source>
        <translation>台数が{0}</translation>
    </message>
    <message>
        <source>{0}: the field {1!r} must be {2}, not {3}. {4}</source>
        <translation>{0}：項目 {1!r} は{2}である必要がありますが、{3}になっています。{4}</translation>
    </message>
    <message>
        <source>{0} is not a plan file of this version (expected schema {1})</source>
        <translation>{0} はこのバージョンの計画ファイルではありません（必要なスキーマ：{1}）</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>設定</translation>
    </message>
    <message>
        <source>System</source>
        <translation>システムに従う</translation>
    </message>
    <message>
        <source>By language</source>
        <translation>言語に合わせる</translation>
    </message>
    <message>
        <source>The date of the exchange rate: the report cites it next to every converted price.</source>
        <translation>為替レートの日付。レポートでは換算したすべての価格にこの日付を添えます。</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>言語(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Currency</source>
        <translation>通貨(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;JPY per USD</source>
        <translation>1ドルあたりの円(&amp;J)</translation>
    </message>
    <message>
        <source>Exchange rate &amp;as of</source>
        <translation>為替レートの時点(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Electricity (JPY per kWh)</source>
        <translation>電気料金（1kWhあたり円）(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;PUE</source>
        <translation>PUE(&amp;P)</translation>
    </message>
</context>
<context>
    <name>Suggestion</name>
    <message>
        <source>{0} per request</source>
        <translation>1リクエスト {0}</translation>
    </message>
    <message>
        <source> ({0} x {1}, {2}, {3})</source>
        <translation>（{1} × {0} 枚、{2}、{3}）</translation>
    </message>
    <message>
        <source>Set a deadline of {0} days{1}.</source>
        <translation>期限を {0} 日に設定する{1}。</translation>
    </message>
    <message>
        <source>Allow {0} days instead of the deadline{1}.</source>
        <translation>期限を {0} 日に延ばす{1}。</translation>
    </message>
    <message>
        <source>Raise the budget to {0}{1}.</source>
        <translation>予算を {0} に増やす{1}。</translation>
    </message>
    <message>
        <source>Train on {0} tokens ({1:.0%} of the plan){2}.</source>
        <translation>学習トークン数を {0}（計画の {1:.0%}）にする{2}。</translation>
    </message>
    <message>
        <source>Train in FP8 (Transformer Engine) instead{0}.</source>
        <translation>FP8（Transformer Engine）で学習する{0}。</translation>
    </message>
    <message>
        <source>Fine-tune with LoRA instead{0}.</source>
        <translation>LoRA でファインチューニングする{0}。</translation>
    </message>
    <message>
        <source>Fine-tune with QLoRA (4-bit base) instead{0}.</source>
        <translation>QLoRA（4ビットのベースモデル）でファインチューニングする{0}。</translation>
    </message>
    <message>
        <source>Serve the weights as {0}{1}.</source>
        <translation>重みを {0} で推論する{1}。</translation>
    </message>
    <message>
        <source>Choose a smaller model: one of {0} parameters plans within every constraint{1}.</source>
        <translation>より小さいモデルにする：パラメータ数 {0} のモデルならすべての条件を満たします{1}。</translation>
    </message>
    <message>
        <source>Allow up to {0} GPUs{1}.</source>
        <translation>GPUを最大 {0} 枚まで使う{1}。</translation>
    </message>
    <message>
        <source>Use spot (interruptible) cloud prices{0}.</source>
        <translation>スポット（中断あり）料金のクラウドを使う{0}。</translation>
    </message>
    <message>
        <source>Rent in the cloud instead of buying{0}.</source>
        <translation>購入せずクラウドで借りる{0}。</translation>
    </message>
    <message>
        <source>Without the target on {0}, every other target is met{1}; it gives {2}.</source>
        <translation>{0}の目標を外せば、他の目標はすべて満たせます{1}。そのときの値は {2} です。</translation>
    </message>
    <message>
        <source>Provide {0:.1f} kW of power{1}.</source>
        <translation>電力を {0:.1f} kW 確保する{1}。</translation>
    </message>
</context>
<context>
    <name>Summary</name>
    <message>
        <source>rent in the cloud</source>
        <translation>クラウドでレンタル</translation>
    </message>
    <message>
        <source>buy</source>
        <translation>購入</translation>
    </message>
    <message>
        <source>use the GPUs you own</source>
        <translation>手持ちの GPU を使用</translation>
    </message>
    <message>
        <source>Get</source>
        <translation>推奨構成</translation>
    </message>
    <message>
        <source>{0} x {1} ({2})</source>
        <translation>{1} × {0} 枚（{2}）</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>期間</translation>
    </message>
    <message>
        <source>{0} (range {1} – {2})</source>
        <translation>{0}（幅 {1}〜{2}）</translation>
    </message>
    <message>
        <source>Speed</source>
        <translation>速度</translation>
    </message>
    <message>
        <source>{0:.1f} tokens/s per user; first token {1}</source>
        <translation>1ユーザーあたり毎秒 {0:.1f} トークン、最初のトークンまで {1}</translation>
    </message>
    <message>
        <source>Cost</source>
        <translation>費用</translation>
    </message>
    <message>
        <source>rented {0} · bought {1}</source>
        <translation>レンタル {0}・購入 {1}</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>判断</translation>
    </message>
    <message>
        <source>Main risk</source>
        <translation>主なリスク</translation>
    </message>
    <message>
        <source>rented</source>
        <translation>レンタル</translation>
    </message>
    <message>
        <source>bought</source>
        <translation>購入</translation>
    </message>
    <message>
        <source>{0} {1} (input {2}, output {3})</source>
        <translation>{0} {1}（入力 {2}、出力 {3}）</translation>
    </message>
    <message>
        <source>per 1M tokens at this load: {0}</source>
        <translation>この負荷での100万トークンあたり：{0}</translation>
    </message>
    <message>
        <source>; </source>
        <translation>、</translation>
    </message>
    <message>
        <source>Model: {0} ({1} parameters, {2} active)</source>
        <translation>モデル：{0}（パラメータ数 {1}、アクティブ {2}）</translation>
    </message>
    <message>
        <source>Workload: {0} tokens, {1} FLOP</source>
        <translation>計算量：{0} トークン、{1} FLOP</translation>
    </message>
    <message>
        <source>fits</source>
        <translation>メモリに収まる</translation>
    </message>
    <message>
        <source>DOES NOT FIT</source>
        <translation>メモリに収まらない</translation>
    </message>
    <message>
        <source>{0}. {1} x {2} ({3} server(s)), {4}, {5}</source>
        <translation>{0}. {2} × {1} 枚（サーバー {3} 台）、{4}、{5}</translation>
    </message>
    <message>
        <source>memory/GPU {0} of {1} ({2}; as {3} allocates it)</source>
        <translation>GPUあたりメモリ {0}（容量 {1}、{2}、{3} の確保方式）</translation>
    </message>
    <message>
        <source>memory/GPU {0} of the {1} {2} may use ({3})</source>
        <translation>GPUあたりメモリ {0}（{2} が使える {1} のうち、{3}）</translation>
    </message>
    <message>
        <source>memory/GPU {0} of {1} ({2})</source>
        <translation>GPUあたりメモリ {0}（容量 {1}、{2}）</translation>
    </message>
    <message>
        <source>time {0} (range {1} – {2}), MFU {3:.0%}, {4:,.0f} GPU-hours</source>
        <translation>期間 {0}（幅 {1}〜{2}）、MFU {3:.0%}、{4:,.0f} GPU時間</translation>
    </message>
    <message>
        <source>decode {0:.1f} tokens/s per sequence, {1:,.0f} tokens/s total; first token {2}</source>
        <translation>生成 1系列あたり毎秒 {0:.1f} トークン、全体で毎秒 {1:,.0f} トークン、最初のトークンまで {2}</translation>
    </message>
    <message>
        <source>cost: cloud {0}, on-prem {1}</source>
        <translation>費用：クラウド {0}、オンプレ {1}</translation>
    </message>
    <message>
        <source>Beyond this job: used round the clock for {0:g} years, these GPUs would cost {1} rented and {2} bought (with power).</source>
        <translation>この学習のあとも {0:g} 年間フル稼働させる場合、これらの GPU はレンタルで {1}、購入で {2}（電気代込み）。</translation>
    </message>
    <message>
        <source>Over {0:g} years of round-the-clock use, these GPUs cost {1} rented and {2} bought (with power).</source>
        <translation>{0:g} 年間フル稼働した場合、これらのGPUはレンタルで {1}、購入で {2}（電気代込み）。</translation>
    </message>
    <message>
        <source>Buying instead of renting pays back after {0} of use ({1:.0%} of {2:g} years round the clock).</source>
        <translation>レンタルの代わりに購入すると、{0} の利用で元が取れます（{2:g} 年間フル稼働の {1:.0%}）。</translation>
    </message>
    <message>
        <source>Self-hosting or an API:</source>
        <translation>自前運用か API か：</translation>
    </message>
    <message>
        <source>Also evaluated, not shown: {0}.</source>
        <translation>評価したが表示していないもの：{0}。</translation>
    </message>
    <message>
        <source>Ruled out:</source>
        <translation>除外した候補：</translation>
    </message>
</context>
<context>
    <name>TornadoChart</name>
    <message>
        <source>Nothing uncertain moves this plan&apos;s cost.</source>
        <translation>このプランの費用を動かす不確かな前提はありません。</translation>
    </message>
    <message>
        <source>Cost of the recommendation: {0}; each bar is one assumption across its range, blue to its cheaper end, red to its dearer end.</source>
        <translation>推奨構成の費用：{0}。各棒は1つの前提をその範囲で動かした結果で、青が安い側、赤が高い側です。</translation>
    </message>
</context>
<context>
    <name>Units</name>
    <message>
        <source>{0:.0f} ms</source>
        <translation>{0:.0f} ミリ秒</translation>
    </message>
    <message>
        <source>{0:.1f} s</source>
        <translation>{0:.1f} 秒</translation>
    </message>
    <message>
        <source>{0:.0f} min</source>
        <translation>{0:.0f} 分</translation>
    </message>
    <message>
        <source>{0:.1f} h</source>
        <translation>{0:.1f} 時間</translation>
    </message>
    <message>
        <source>{0:.1f} days</source>
        <translation>{0:.1f} 日</translation>
    </message>
    <message>
        <source>{0:.1f} years</source>
        <translation>{0:.1f} 年</translation>
    </message>
    <message>
        <source>JPY</source>
        <translation>円</translation>
    </message>
    <message>
        <source>USD</source>
        <translation>ドル</translation>
    </message>
    <message>
        <source>cost rented, {0}</source>
        <translation>レンタルの費用（{0}）</translation>
    </message>
    <message>
        <source>cost bought, {0}</source>
        <translation>購入の費用（{0}）</translation>
    </message>
    <message>
        <source>cost, cheaper of renting and buying, {0}</source>
        <translation>費用：レンタルと購入の安い方（{0}）</translation>
    </message>
    <message>
        <source>{0:.1f} tokens/s</source>
        <translation>毎秒 {0:.1f} トークン</translation>
    </message>
</context>
<context>
    <name>Utilisation</name>
    <message>
        <source>A100 kernels</source>
        <translation>A100 の演算</translation>
    </message>
    <message>
        <source>H100-class kernels</source>
        <translation>H100 系の演算</translation>
    </message>
    <message>
        <source>B200-class kernels</source>
        <translation>B200 系の演算</translation>
    </message>
    <message>
        <source>AMD Instinct kernels</source>
        <translation>AMD Instinct の演算</translation>
    </message>
    <message>
        <source>Gaudi kernels</source>
        <translation>Gaudi の演算</translation>
    </message>
    <message>
        <source>TPU kernels</source>
        <translation>TPU の演算</translation>
    </message>
    <message>
        <source>workstation GPU kernels</source>
        <translation>ワークステーション GPU の演算</translation>
    </message>
    <message>
        <source>kernels (scaled by the GPU&apos;s measured matmul share)</source>
        <translation>演算（GPU の実測行列演算性能で補正）</translation>
    </message>
    <message>
        <source>matrix width</source>
        <translation>行列の幅</translation>
    </message>
    <message>
        <source>FP8 with Transformer Engine</source>
        <translation>FP8（Transformer Engine）</translation>
    </message>
    <message>
        <source>FP8</source>
        <translation>FP8</translation>
    </message>
    <message>
        <source>MoE routing</source>
        <translation>MoE のルーティング</translation>
    </message>
    <message>
        <source>LoRA</source>
        <translation>LoRA</translation>
    </message>
    <message>
        <source>QLoRA</source>
        <translation>QLoRA</translation>
    </message>
    <message>
        <source>ranks the global batch leaves idle</source>
        <translation>グローバルバッチで仕事のないランク</translation>
    </message>
    <message>
        <source>communication not hidden</source>
        <translation>隠しきれない通信</translation>
    </message>
    <message>
        <source>pipeline bubble</source>
        <translation>パイプラインのバブル</translation>
    </message>
    <message>
        <source>restarts, evaluation and checkpoints</source>
        <translation>再起動・評価・チェックポイント</translation>
    </message>
    <message>
        <source>offload transfers</source>
        <translation>オフロードの転送</translation>
    </message>
    <message>
        <source>your MFU</source>
        <translation>入力された MFU</translation>
    </message>
    <message>
        <source>your measured runs on this GPU and stack</source>
        <translation>この GPU と学習環境での自分の測定実績</translation>
    </message>
    <message>
        <source>Utilisation: {0} = {1:.0%} of the peak in hardware FLOPs (HFU); MFU {2:.0%} against 6·N·D.</source>
        <translation>利用効率：{0} ＝ ハードウェア演算量でピークの {1:.0%}（HFU）。6·N·D に対する MFU は {2:.0%}。</translation>
    </message>
</context>
<context>
    <name>Validation</name>
    <message>
        <source>must be greater than {gt}</source>
        <translation>{gt} より大きい値にしてください</translation>
    </message>
    <message>
        <source>must be at least {ge}</source>
        <translation>{ge} 以上にしてください</translation>
    </message>
    <message>
        <source>must be less than {lt}</source>
        <translation>{lt} 未満にしてください</translation>
    </message>
    <message>
        <source>must be at most {le}</source>
        <translation>{le} 以下にしてください</translation>
    </message>
    <message>
        <source>must be a whole number</source>
        <translation>整数にしてください</translation>
    </message>
    <message>
        <source>must be a number</source>
        <translation>数値にしてください</translation>
    </message>
    <message>
        <source>must be a finite number</source>
        <translation>有限の数値にしてください</translation>
    </message>
    <message>
        <source>must be yes or no</source>
        <translation>はい・いいえのどちらかにしてください</translation>
    </message>
    <message>
        <source>is required</source>
        <translation>入力が必要です</translation>
    </message>
    <message>
        <source>must be one of {expected}</source>
        <translation>{expected} のどれかにしてください</translation>
    </message>
    <message>
        <source>&apos;{value}&apos; is not one of {allowed}</source>
        <translation>&apos;{value}&apos; は選べる値（{allowed}）のどれでもありません</translation>
    </message>
    <message>
        <source>fine-tuning needs samples (with sequence length and epochs) or tokens</source>
        <translation>ファインチューニングにはサンプル数（系列長・エポック数とともに）またはトークン数が必要です</translation>
    </message>
    <message>
        <source>a GPU and a GPU count go together</source>
        <translation>GPU とその枚数は両方指定してください</translation>
    </message>
    <message>
        <source>give {field} or {other}, not both</source>
        <translation>{field} か {other} のどちらか一方を指定してください</translation>
    </message>
    <message>
        <source>a request rate needs the answer speed per user (min_tokens_per_s): it sets how long each request stays in flight</source>
        <translation>リクエスト数を指定するには1ユーザーあたりの回答速度（min_tokens_per_s）が必要です。各リクエストの処理時間がそれで決まります</translation>
    </message>
    <message>
        <source>the prompt ({value}) and the answer ({output}) tokens exceed the context ({context})</source>
        <translation>プロンプト（{value}）と回答（{output}）のトークン数がコンテキスト（{context}）を超えています</translation>
    </message>
    <message>
        <source>active parameters ({active}) exceed total parameters ({total})</source>
        <translation>アクティブパラメータ数（{active}）が総パラメータ数（{total}）を超えています</translation>
    </message>
    <message>
        <source>KV heads ({kv_heads}) must be at most heads ({heads})</source>
        <translation>KVヘッド数（{kv_heads}）はヘッド数（{heads}）以下にしてください</translation>
    </message>
    <message>
        <source>KV heads ({kv_heads}) must divide the attention heads ({heads})</source>
        <translation>KV ヘッド数（{kv_heads}）はアテンションヘッド数（{heads}）を割り切る数にしてください</translation>
    </message>
    <message>
        <source>unknown precision or architecture: {value}</source>
        <translation>不明な精度またはアーキテクチャです：{value}</translation>
    </message>
    <message>
        <source>&apos;{value}&apos; rents {offer_gpu}, not {gpu}</source>
        <translation>「{value}」で借りられるのは {offer_gpu} で、{gpu} ではありません</translation>
    </message>
    <message>
        <source>&apos;{value}&apos; is more pipeline stages than the {n} layers</source>
        <translation>「{value}」はパイプラインの段数が層数（{n}）より多くなります</translation>
    </message>
    <message>
        <source>&apos;{value}&apos;: TP x PP{cp} = {split} must divide the {n} GPUs</source>
        <translation>「{value}」：TP × PP{cp} = {split} が GPU の枚数（{n}）を割り切る必要があります</translation>
    </message>
    <message>
        <source>&apos;{value}&apos; would train more parameters than the model has; at most {largest} keeps the adapters under half the model</source>
        <translation>「{value}」ではモデル全体より多くのパラメータを学習することになります。アダプタをモデルの半分未満にするには最大 {largest} です</translation>
    </message>
    <message>
        <source>experts per token must be at most the number of experts</source>
        <translation>トークンあたりのエキスパート数はエキスパート総数以下にしてください</translation>
    </message>
    <message>
        <source>&apos;{value}&apos; is not a date (YYYY-MM-DD)</source>
        <translation>&apos;{value}&apos; は日付ではありません（YYYY-MM-DD）</translation>
    </message>
    <message>
        <source>does not apply to {goal}</source>
        <translation>{goal}には使えません</translation>
    </message>
    <message>
        <source>applies to LoRA and QLoRA, not to full fine-tuning</source>
        <translation>LoRA と QLoRA にのみ使えます（フルファインチューニングには使えません）</translation>
    </message>
    <message>
        <source>&apos;{value}&apos; is not a number (use e.g. 7000000000, 7e9, 7B, 1.4T, 500M, 8K, 3000万)</source>
        <translation>「{value}」は数値ではありません（例：7000000000、7e9、7B、1.4T、500M、8K、3000万）</translation>
    </message>
    <message>
        <source>&apos;{value}&apos; is not an amount of money (use e.g. 30M, $1M, ¥30M, 3000万, 3億円, 100万ドル)</source>
        <translation>&apos;{value}&apos; は金額として読めません（例：3000万、3億円、¥30M、$1M、100万ドル）</translation>
    </message>
    <message>
        <source>&apos;{value}&apos; is in {written}, but the plan&apos;s currency is {currency}: change the currency, or write the amount in {currency}</source>
        <translation>&apos;{value}&apos; は {written} ですが、計画の通貨は {currency} です。通貨を変えるか、{currency} で金額を書いてください</translation>
    </message>
    <message>
        <source>&apos;{value}&apos; is not a duration (use e.g. 90, 90日, 12 weeks, 3 months, 3か月, 1 year)</source>
        <translation>&apos;{value}&apos; は期間として読めません（例：90、90日、12週間、3か月、1年）</translation>
    </message>
    <message>
        <source>unknown model &apos;{value}&apos;; see: gpu-planner catalog models</source>
        <translation>不明なモデル「{value}」。一覧：gpu-planner catalog models</translation>
    </message>
    <message>
        <source>unknown GPU &apos;{value}&apos;; see: gpu-planner catalog gpus</source>
        <translation>不明な GPU「{value}」。一覧：gpu-planner catalog gpus</translation>
    </message>
    <message>
        <source>unknown offer &apos;{value}&apos;; see: gpu-planner catalog offers</source>
        <translation>不明なクラウドプラン「{value}」。一覧：gpu-planner catalog offers</translation>
    </message>
    <message>
        <source>give a catalog model, or a parameter count (e.g. 7B), or layers, hidden size and heads</source>
        <translation>カタログのモデル、パラメータ数（例：7B）、または層数・隠れ次元・ヘッド数を指定してください</translation>
    </message>
    <message>
        <source>choose a goal: inference, finetune, cpt or scratch</source>
        <translation>目的を選んでください：推論（inference）、ファインチューニング（finetune）、継続事前学習（cpt）、フルスクラッチ（scratch）</translation>
    </message>
    <message>
        <source>&apos;{value}&apos; is not available with {stack}; allowed: {allowed}</source>
        <translation>&apos;{value}&apos; は {stack} では使えません（使える値：{allowed}）</translation>
    </message>
    <message>
        <source>&apos;{value}&apos; must divide the {what} ({n})</source>
        <translation>&apos;{value}&apos; は{what}（{n}）を割り切る必要があります</translation>
    </message>
    <message>
        <source>&apos;{value}&apos;: the sequence ({n} tokens) must split into 2 x {value} equal chunks</source>
        <translation>&apos;{value}&apos;：系列（{n} トークン）を 2 × {value} 個の等しい区間に分けられる必要があります</translation>
    </message>
    <message>
        <source>&apos;{value}&apos; needs {other} {wanted}</source>
        <translation>&apos;{value}&apos; には {other} {wanted} が必要です</translation>
    </message>
    <message>
        <source>&apos;{value}&apos; needs a mixture-of-experts model</source>
        <translation>&apos;{value}&apos; には MoE（混合エキスパート）モデルが必要です</translation>
    </message>
    <message>
        <source>{value} offload needs ZeRO stage 3 (full sharding)</source>
        <translation>{value} のオフロードには ZeRO ステージ3（完全シャーディング）が必要です</translation>
    </message>
    <message>
        <source>give either this or {other}, not both</source>
        <translation>これと {other} はどちらか一方だけを指定してください</translation>
    </message>
    <message>
        <source>no such file or folder</source>
        <translation>そのファイルまたはフォルダはありません</translation>
    </message>
    <message>
        <source>not a model: give a config.json, a folder with a config.json, or a .gguf file</source>
        <translation>モデルではありません：config.json、config.json のあるフォルダ、または .gguf ファイルを指定してください</translation>
    </message>
    <message>
        <source>{path} is not valid JSON (line {line})</source>
        <translation>{path} は正しい JSON ではありません（{line} 行目）</translation>
    </message>
    <message>
        <source>{path} has no &apos;{key}&apos;, which the model&apos;s shape needs</source>
        <translation>{path} にはモデルの構造に必要な「{key}」がありません</translation>
    </message>
    <message>
        <source>{path}: &apos;{key}&apos; has a value that cannot be used ({value})</source>
        <translation>{path}：「{key}」の値が使えません（{value}）</translation>
    </message>
    <message>
        <source>{path}: architecture &apos;{value}&apos; is not one this planner reads; it reads {allowed}</source>
        <translation>{path}：アーキテクチャ「{value}」には対応していません。対応しているもの：{allowed}</translation>
    </message>
    <message>
        <source>{path} is cut short (incomplete download?): its header names more data than the file holds</source>
        <translation>{path} は途中で切れています（ダウンロードが不完全？）：ヘッダーが示すデータ量がファイルより大きいです</translation>
    </message>
    <message>
        <source>{path} is not a readable GGUF file ({reason})</source>
        <translation>{path} は読める GGUF ファイルではありません（{reason}）</translation>
    </message>
    <message>
        <source>{path} is larger than the {limit} bytes read for a model description</source>
        <translation>{path} はモデル記述として読む上限 {limit} バイトを超えています</translation>
    </message>
    <message>
        <source>{path} cannot be read ({reason})</source>
        <translation>{path} を読めません（{reason}）</translation>
    </message>
    <message>
        <source>number of experts</source>
        <translation>エキスパート数</translation>
    </message>
    <message>
        <source>number of attention heads</source>
        <translation>アテンションヘッド数</translation>
    </message>
    <message>
        <source>inference</source>
        <translation>推論</translation>
    </message>
    <message>
        <source>fine-tuning</source>
        <translation>ファインチューニング</translation>
    </message>
    <message>
        <source>continued pre-training</source>
        <translation>継続事前学習</translation>
    </message>
    <message>
        <source>training from scratch</source>
        <translation>フルスクラッチの学習</translation>
    </message>
</context>
<context>
    <name>Verdict</name>
    <message>
        <source>Feasible: use your own {0} x {1}: {2} tokens/s per sequence ({3} tokens/s in all); {4} in power over {5:g} years.</source>
        <translation>実現可能：手持ちの {1} × {0} 枚を使用。1系列あたり毎秒 {2} トークン（全体で毎秒 {3} トークン）、{5:g} 年間の電気代 {4}。</translation>
    </message>
    <message>
        <source>Feasible: buy {0} x {1}: {2} tokens/s per sequence ({3} tokens/s in all); {4} with servers and power over {5:g} years.</source>
        <translation>実現可能：{1} × {0} 枚を購入。1系列あたり毎秒 {2} トークン（全体で毎秒 {3} トークン）、{5:g} 年間でサーバーと電気代込み {4}。</translation>
    </message>
    <message>
        <source>Feasible: buy {0} x {1}: {2} tokens/s per sequence ({3} tokens/s in all); {4} with servers and power over {5:g} years, against {7} rented.</source>
        <translation>実現可能：{1} × {0} 枚を購入。1系列あたり毎秒 {2} トークン（全体で毎秒 {3} トークン）、{5:g} 年間でサーバーと電気代込み {4}（レンタルなら {7}）。</translation>
    </message>
    <message>
        <source>Feasible: rent {0} x {1}: {2} tokens/s per sequence ({3} tokens/s in all); {4} over {5:g} years.</source>
        <translation>実現可能：{1} × {0} 枚をレンタル。1系列あたり毎秒 {2} トークン（全体で毎秒 {3} トークン）、{5:g} 年間で {4}。</translation>
    </message>
    <message>
        <source>Feasible: rent {0} x {1}: {2} tokens/s per sequence ({3} tokens/s in all); {4} over {5:g} years, against {6} bought.</source>
        <translation>実現可能：{1} × {0} 枚をレンタル。1系列あたり毎秒 {2} トークン（全体で毎秒 {3} トークン）、{5:g} 年間で {4}（購入なら {6}）。</translation>
    </message>
    <message>
        <source>Feasible: use your own {0} x {1}: about {2}, {3} in power.</source>
        <translation>実現可能：手持ちの {1} × {0} 枚を使用。約 {2}、電気代 {3}。</translation>
    </message>
    <message>
        <source>Feasible: buy {0} x {1}: about {2}, {3} with servers and power.</source>
        <translation>実現可能：{1} × {0} 枚を購入。約 {2}、サーバーと電気代込みで {3}。</translation>
    </message>
    <message>
        <source>Feasible: buy {0} x {1}: about {2}, {3} with servers and power; renting for this job would cost {6}.</source>
        <translation>実現可能：{1} × {0} 枚を購入。約 {2}、サーバーと電気代込みで {3}（この学習をレンタルで行うと {6}）。</translation>
    </message>
    <message>
        <source>Feasible: rent {0} x {1} in the cloud: about {2}, {3}.</source>
        <translation>実現可能：クラウドで {1} × {0} 枚をレンタル。約 {2}、{3}。</translation>
    </message>
    <message>
        <source>Feasible: rent {0} x {1} in the cloud: about {2}, {3}. Buying them for this job would cost {5}, and at these prices buying never pays back.</source>
        <translation>実現可能：クラウドで {1} × {0} 枚をレンタル。約 {2}、{3}。この学習のために購入すると {5} かかり、この価格では購入の元は取れません。</translation>
    </message>
    <message>
        <source>Feasible: rent {0} x {1} in the cloud: about {2}, {3}. Buying them for this job would cost {5}; buying pays back only with continued use, after {7} of use ({8:.0%} of {4:g} years round the clock).</source>
        <translation>実現可能：クラウドで {1} × {0} 枚をレンタル。約 {2}、{3}。この学習のために購入すると {5} かかります。購入の元が取れるのは使い続ける場合だけで、{7} 使った時点（{4:g} 年間フル稼働の {8:.0%}）です。</translation>
    </message>
    <message>
        <source>Not feasible: no configuration within {0} GPUs meets the service level ({1}).</source>
        <translation>実現できません：GPU {0} 枚以内でサービスレベル（{1}）を満たす構成はありません。</translation>
    </message>
    <message>
        <source>Not feasible: no configuration within {0} GPUs meets the service level. {1} binds: the nearest ({2} x {3}) gives {4} against {5}.</source>
        <translation>実現できません：GPU {0} 枚以内でサービスレベルを満たす構成はありません。制約になるのは{1}で、最も近い構成（{3} × {2} 枚）でも目標 {5} に対して {4} です。</translation>
    </message>
    <message>
        <source>No configuration fits in memory within the GPU limit.</source>
        <translation>GPU枚数の上限内でメモリに収まる構成がありません。</translation>
    </message>
    <message>
        <source>Not feasible within the {3}-day target that applies without a deadline: the fastest option ({0} x {1}) takes {2} days. Set a deadline to plan a longer run.</source>
        <translation>期限を指定しないときの目標 {3} 日以内には終わりません：最速の構成（{1} × {0} 枚）でも {2} 日かかります。より長い計画には期限を指定してください。</translation>
    </message>
    <message>
        <source>Not feasible by the deadline: the fastest option ({0} x {1}) takes {2} days against {3}.</source>
        <translation>期限内には終わりません：最速の構成（{1} × {0} 枚）でも {2} 日かかります（期限 {3} 日）。</translation>
    </message>
    <message>
        <source>Not feasible within these constraints.</source>
        <translation>この条件では実現できません。</translation>
    </message>
    <message>
        <source>Over budget: the cheapest option that meets the deadline costs {0} against {1}.</source>
        <translation>予算超過：期限に間に合う最安の構成でも {0} かかります（予算 {1}）。</translation>
    </message>
</context>
<context>
    <name>argparse</name>
    <message>
        <source>usage: </source>
        <translation>使い方：</translation>
    </message>
    <message>
        <source>positional arguments</source>
        <translation>位置引数</translation>
    </message>
    <message>
        <source>options</source>
        <translation>オプション</translation>
    </message>
    <message>
        <source>show this help message and exit</source>
        <translation>このヘルプを表示して終了</translation>
    </message>
    <message>
        <source>show program&apos;s version number and exit</source>
        <translation>バージョンを表示して終了</translation>
    </message>
    <message>
        <source>argument %(argument_name)s: %(message)s</source>
        <translation>引数 %(argument_name)s：%(message)s</translation>
    </message>
    <message>
        <source>invalid choice: %(value)r (choose from %(choices)s)</source>
        <translation>%(value)r は選べません（選べる値：%(choices)s）</translation>
    </message>
    <message>
        <source>invalid %(type)s value: %(value)r</source>
        <translation>%(type)s として正しくない値：%(value)r</translation>
    </message>
    <message>
        <source>the following arguments are required: %s</source>
        <translation>次の引数が必要です：%s</translation>
    </message>
    <message>
        <source>unrecognized arguments: %s</source>
        <translation>不明な引数：%s</translation>
    </message>
    <message>
        <source>expected one argument</source>
        <translation>値を1つ指定してください</translation>
    </message>
    <message>
        <source>expected at most one argument</source>
        <translation>値は1つまでです</translation>
    </message>
    <message>
        <source>expected at least one argument</source>
        <translation>値を1つ以上指定してください</translation>
    </message>
    <message>
        <source>ambiguous option: %(option)s could match %(matches)s</source>
        <translation>あいまいなオプション：%(option)s は %(matches)s のどれにも当てはまります</translation>
    </message>
    <message>
        <source>not allowed with argument %s</source>
        <translation>引数 %s とは同時に使えません</translation>
    </message>
    <message>
        <source>ignored explicit argument %r</source>
        <translation>明示された引数 %r は無視されました</translation>
    </message>
    <message>
        <source>one of the arguments %s is required</source>
        <translation>引数 %s のいずれかが必要です</translation>
    </message>
    <message>
        <source>unexpected option string: %s</source>
        <translation>予期しないオプション：%s</translation>
    </message>
</context>
</TS>
