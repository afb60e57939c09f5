$ ip netns add ns0
